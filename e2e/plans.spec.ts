import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('coach') });

/** Picks the n-th program the catalogue search finds and adds it; returns its title. */
async function addProgramFromSearch(page: Page, query: string, nth: number): Promise<string> {
  await page.getByRole('combobox', { name: 'Search the catalogue' }).fill(query);
  // The step status selects have options too: look only in the search's list.
  const option = page.getByRole('listbox', { name: /^Programs matching/ }).getByRole('option').nth(nth);
  await expect(option).toBeVisible();
  const title = (await option.locator('span').first().innerText()).trim();
  await option.click();
  await expect(page.getByText(`Chosen: ${title}`, { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Add to plan' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${title} added to the plan.` })).toBeVisible();
  return title;
}

test('a practitioner builds a plan by hand, reorders it with the keyboard and completes a step', async ({ page }) => {
  const name = `Plan client ${randomUUID().slice(0, 6)}`;
  await page.goto('/clients/new');
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Country').selectOption('US');
  await page.getByLabel('Region', { exact: true }).selectOption('US-NY');
  await page.getByLabel(/Consents to Credpath processing their data/).check();
  await page.getByRole('button', { name: 'Create client' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();

  await page.getByLabel('Plan name (optional)').fill('Data route');
  await page.getByRole('button', { name: 'New plan' }).click();
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}\/plans\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'Data route' })).toBeVisible();

  const first = await addProgramFromSearch(page, 'python', 0);
  const second = await addProgramFromSearch(page, 'python', 1);
  const steps = page.getByRole('heading', { level: 3 });
  await expect(steps.nth(0)).toContainText(first);
  await expect(steps.nth(1)).toContainText(second);
  await expectNoAxeViolations(page);

  // Keyboard: move the second step up; focus stays on the moved step and the change is announced.
  await page.getByRole('button', { name: new RegExp(`^Move ${escape(second)} up`) }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${second} moved to position 1 of 2.`)).toBeAttached();
  // The new order is saved once the list is no longer busy.
  await expect(page.locator('ol[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: new RegExp(`^Move ${escape(second)} down`) })).toBeFocused();
  await expect(steps.nth(0)).toContainText(second);
  // Saved: a reload shows the new order.
  await page.reload();
  await expect(steps.nth(0)).toContainText(second);

  // Completing the (now first) step records the program's skills on the profile.
  await page.getByLabel('Status').first().selectOption('completed');
  await page.getByRole('button', { name: `Save ${second}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Step completed' })).toBeVisible();
  await expect(steps.nth(0)).toContainText('Completed');
  await expect(page.getByText('1 of 2 completed')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name: /^Skills profile \([1-9]/ })).toBeVisible();
  await expect(page.getByText('completed program').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Data route' })).toBeVisible();
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
