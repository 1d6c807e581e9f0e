import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('provider') });

test('a provider maps skills with the picker, accepts a suggestion, and the program is found by that skill', async ({ page, browser }) => {
  const title = `Sales Data Analysis ${randomUUID().slice(0, 8)}`;
  await page.goto('/provider/programs/new');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Description', { exact: true }).fill('Write SQL queries to analyse sales data, and automate the weekly report.');
  await page.getByLabel('Credential type').selectOption('short_course');
  await page.getByLabel('Delivery mode').selectOption('online_self_paced');

  // The picker searches the taxonomy as you type, typos included.
  const picker = page.getByRole('combobox', { name: 'Skills' });
  await picker.fill('pyton');
  await page.getByRole('option', { name: /^Python \(computer programming\)/ }).click();
  await expect(page.getByRole('button', { name: 'Remove Python (computer programming)' })).toBeVisible();
  await expect(picker).toBeFocused();
  await page.getByRole('button', { name: 'Create program' }).click();

  // The draft opens for editing, with skills suggested from its description.
  await expect(page).toHaveURL(/\/provider\/programs\/[0-9a-f-]{36}\/edit\?created=1$/, { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Remove Python (computer programming)' })).toBeVisible();
  const suggestions = page.getByRole('group', { name: /Tick the skills this program really teaches/ });
  const sql = suggestions.getByRole('checkbox', { name: /^SQL\b/ });
  await expect(sql).toBeVisible();
  await expect(suggestions.getByText('matched “SQL”')).toBeVisible();
  await expectNoAxeViolations(page);
  for (const box of await suggestions.getByRole('checkbox').all()) await box.uncheck();
  await sql.check();
  await page.getByRole('button', { name: 'Accept ticked skills' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 skill added to the program.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove SQL', exact: true })).toBeVisible();

  await page.getByLabel('Status').selectOption('published');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(/\/provider\/programs\?saved=1$/);

  // Anyone finds it with the skill filter once the search index has caught up.
  const visitor = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  try {
    const url = `/programs?skill=SQL&q=${encodeURIComponent(title)}`;
    await expect(async () => {
      await visitor.goto(url);
      await expect(visitor.getByRole('link', { name: title })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(visitor.getByRole('list', { name: 'Active filters' }).getByText('Skills: SQL')).toBeVisible();
    await visitor.getByRole('link', { name: title }).click();
    const taught = visitor.locator('section', { has: visitor.getByRole('heading', { name: 'Skills it teaches' }) });
    await expect(taught.getByRole('link', { name: /^SQL/ })).toBeVisible();
    await expect(taught.getByRole('link', { name: /^Python \(computer programming\)/ })).toBeVisible();
  } finally {
    await visitor.close();
  }
});

test('the in-demand page lists a region’s top skills with the reasons, and remembers the region', async ({ page }) => {
  await page.goto('/skills/in-demand?region=US-NY');
  await expect(page.getByRole('heading', { name: /In-demand skills: New York/ })).toBeVisible();
  const first = page.getByRole('list', { name: /^Why .* is in demand$/ }).first();
  await expect(first.getByText(/Regional employment \(BLS OEWS\)|O\*NET/).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: /Use New York, United States as my region/ }).click();
  await expect(page.getByText('Saved: program search now shows which skills are in demand in New York')).toBeVisible();
  await page.goto('/programs');
  await expect(page.getByLabel('Sort by').locator('option', { hasText: 'In-demand skills first' })).toHaveCount(1);
});
