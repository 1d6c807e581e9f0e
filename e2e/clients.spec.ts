import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('coach') });

test('a practitioner creates a client, records a skill, sets an occupation goal and sees the gap', async ({ page }) => {
  const name = `Client ${randomUUID().slice(0, 6)}`;
  await page.goto('/clients');
  await page.getByRole('link', { name: 'New client' }).click();
  await expect(page.getByRole('heading', { name: 'New client' })).toBeVisible();
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Country').selectOption('US');
  await page.getByLabel('Region', { exact: true }).selectOption('US-NY');
  await page.getByLabel('Maximum budget (optional)').fill('800');
  await page.getByLabel('Online, self-paced').check();
  await page.getByLabel('Blended').check();
  await page.getByRole('button', { name: 'Create client' }).click();

  // The budget needs its currency; what was typed stays.
  await expect(page.getByText('Give the currency of the budget.')).toBeVisible();
  await expect(page.getByLabel('Full name')).toHaveValue(name);
  await expect(page.getByLabel('Region', { exact: true })).toHaveValue('US-NY');
  // Every ticked delivery mode survives the error, not only the last.
  await expect(page.getByLabel('Online, self-paced')).toBeChecked();
  await expect(page.getByLabel('Blended')).toBeChecked();
  await page.getByLabel('Budget currency').fill('USD');
  await page.getByLabel(/Consents to Credpath processing their data/).check();
  await page.getByRole('button', { name: 'Create client' }).click();

  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expectNoAxeViolations(page);

  // A skill from the taxonomy, then a goal: the gap lists what is missing and what is in demand in New York.
  await page.getByRole('combobox', { name: /^Skill/ }).fill('sql');
  await page.getByRole('option', { name: /^SQL ·/ }).first().click();
  await page.getByRole('button', { name: 'Add skill' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Skill recorded.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'SQL', exact: true })).toBeVisible();

  await page.getByText('Set a goal: target occupation').click();
  await page.getByLabel(/^Occupation: O\*NET-SOC code/).fill('15-2051.00');
  await page.getByRole('button', { name: 'Set goal' }).first().click();
  await expect(page.getByRole('heading', { name: 'Data Scientists' })).toBeVisible();
  await expect(page.getByText(/% of the goal covered/)).toBeVisible();
  await expect(page.getByRole('link', { name: /Python \(computer programming\) · in demand/ })).toBeVisible();
  await expect(page.getByText('Goal set: Data Scientists', { exact: false }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});
