import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('employer') });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('an employer posts a skill gap, sees the programs that cover it, and the supply and demand report shows the new demand', async ({ page, request }) => {
  // A skill that a published program in New York teaches (demo data), so coverage has something to show.
  const search = await request.get('/api/v1/programs?region=US-NY&per_page=20');
  const hits = ((await search.json()) as { hits: Array<{ title: string; skills: string[] }> }).hits.filter((h) => h.skills.length > 0);
  expect(hits.length).toBeGreaterThan(0);
  const { title: programTitle, skills } = hits[0]!;
  const skill = skills[0]!;
  const role = `Reporting analyst ${randomUUID().slice(0, 6)}`;

  await page.goto('/employer/gaps');
  await page.getByRole('link', { name: 'Post a skill gap' }).click();
  await expect(page.getByRole('heading', { name: 'Post a skill gap' })).toBeVisible();
  await page.getByLabel('Role title').fill(role);
  await page.getByLabel('Region', { exact: true }).selectOption('US-NY');
  await page.getByLabel('Number of people').fill('0');
  await page.getByLabel('Urgency').selectOption('high');
  await page.getByRole('button', { name: 'Post skill gap' }).click();

  // Field-level errors: no people, no skills.
  await expect(page.getByText('Headcount must be at least 1.')).toBeVisible();
  await expect(page.getByText('Add at least one skill.')).toBeVisible();
  await expect(page.getByLabel('Role title')).toHaveValue(role);
  await expect(page.getByLabel('Region', { exact: true })).toHaveValue('US-NY');
  await expect(page.getByLabel('Urgency')).toHaveValue('high');

  await page.getByLabel('Number of people').fill('3');
  await page.getByRole('combobox', { name: 'Add a skill' }).fill(skill);
  await page.getByRole('option', { name: new RegExp(`^${escapeRegExp(skill)} ·`) }).first().click();
  await expect(page.getByRole('checkbox', { name: `${skill} is a must-have` })).toBeChecked();
  await page.getByRole('button', { name: 'Post skill gap' }).click();

  await expect(page).toHaveURL(/\/employer\/gaps\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByRole('heading', { name: role })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Least-cost pathway' })).toBeVisible();
  const covering = page.getByRole('table', { name: 'Programs covering this gap' });
  await expect(covering.getByRole('link', { name: programTitle })).toBeVisible();
  await expectNoAxeViolations(page);

  // The new demand shows in the region's report, anonymised (counts, never the employer or role).
  await page.goto('/reports/supply-demand?region=US-NY');
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(skill)}`) }) });
  await expect(row.getByRole('cell').last()).toContainText(/\d+ \(\d+ people\)/);
  await expect(page.getByText(role)).toHaveCount(0);
  await expectNoAxeViolations(page);
});
