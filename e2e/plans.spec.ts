import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { addProgramFromSearch, createClientInNewYork, startPlan } from './support/clients';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('coach') });

test('a practitioner builds a plan by hand, reorders it with the keyboard and completes a step', async ({ page }) => {
  const name = await createClientInNewYork(page, 'Plan client');
  await startPlan(page, 'Data route');

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
