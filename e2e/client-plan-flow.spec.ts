import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { createClientInNewYork } from './support/clients';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('coach') });

/**
 * The whole loop: a practitioner creates a client, sets a goal, accepts the recommendation as
 * a plan, reorders it and shares it; the client signs up through the link, marks a step
 * completed and comments; the practitioner sees the progress and downloads the PDF.
 */
test('from goal to recommendation to a shared plan the client follows', async ({ page, browser }) => {
  const email = `flow-${randomUUID().slice(0, 8)}@e2e.credpath.test`;
  const name = await createClientInNewYork(page, 'Flow client', { email });

  await page.getByText('Set a goal: target occupation').click();
  await page.getByLabel(/^Occupation: O\*NET-SOC code/).fill('15-2051.00');
  await page.getByRole('button', { name: 'Set goal' }).first().click();
  await expect(page.getByRole('heading', { name: 'Data Scientists' })).toBeVisible();

  // The recommendation: ordered steps, each saying what it covers.
  await page.getByRole('link', { name: 'Recommended programs for Data Scientists' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Recommended programs: Data Scientists' })).toBeVisible();
  const steps = page.getByRole('listitem').filter({ hasText: 'Covers:' });
  await expect(steps.first()).toBeVisible();
  expect(await steps.count()).toBeGreaterThanOrEqual(2);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Accept as plan' }).click();
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}\/plans\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Plan: Data Scientists' })).toBeVisible();
  const planUrl = page.url();

  // Reorder with the keyboard: the first step moves down.
  const stepHeadings = page.getByRole('heading', { level: 3 });
  const moveDown = page.getByRole('button', { name: /^Move .* down \(now 1 of/ }).first();
  const firstTitle = /^Move (.*) down \(now 1 of/.exec((await moveDown.getAttribute('aria-label')) ?? '')![1]!;
  await moveDown.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/moved to position 2 of/)).toBeAttached();
  // The new order is saved once the list is no longer busy.
  await expect(page.locator('ol[aria-busy="true"]')).toHaveCount(0);
  await page.reload();
  await expect(stepHeadings.nth(1)).toContainText(firstTitle);

  // Share with the client: a one-time sign-in link for their address.
  await page.getByRole('link', { name }).click();
  await page.getByRole('button', { name: 'Create sign-in link' }).click();
  const link = await page.getByLabel('Client sign-in link').inputValue();
  expect(link).toMatch(/\/join\/[\w-]{40,}$/);

  const clientContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const client = await clientContext.newPage();
  await client.goto(link);
  await client.getByRole('link', { name: 'Create an account' }).click();
  await client.getByLabel('Your name').fill(name);
  await expect(client.getByLabel('Email')).toHaveValue(email);
  await client.getByLabel('Password').fill(`pw-${randomUUID()}`);
  await client.getByRole('button', { name: 'Create account' }).click();
  await client.getByRole('button', { name: 'Link my account' }).click();
  await expect(client.getByText('Your account is linked')).toBeVisible();
  await client.getByRole('link', { name: 'Plan: Data Scientists' }).click();
  await expect(client.getByRole('heading', { level: 1, name: 'Plan: Data Scientists' })).toBeVisible();
  await expectNoAxeViolations(client);
  await client.getByLabel(/^My progress/).first().selectOption('completed');
  await client.getByRole('button', { name: /^Save progress on/ }).first().click();
  await expect(client.getByRole('status').filter({ hasText: 'Step marked completed' })).toBeVisible();
  await client.getByLabel('Comment').fill('Done with the first course!');
  await client.getByRole('button', { name: 'Add comment' }).click();
  await expect(client.getByText('Done with the first course!')).toBeVisible();
  await clientContext.close();

  // The practitioner sees the progress and the comment, and downloads the PDF.
  await page.goto(planUrl);
  await expect(page.getByText(/1 of \d+ completed/)).toBeVisible();
  await expect(page.getByText('Done with the first course!')).toBeVisible();
  await expect(page.getByText('(client)')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download PDF' }).first().click();
  expect((await download).suggestedFilename()).toBe('plan-plan-data-scientists.pdf');
});
