import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { addProgramFromSearch, createClientInNewYork, startPlan } from './support/clients';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('coach') });

test('a practitioner prints a plan, downloads its PDF and shares a read-only link, then revokes it', async ({ page, browser }) => {
  const name = await createClientInNewYork(page, 'Shared client');
  await startPlan(page, 'Shared route');
  const program = await addProgramFromSearch(page, 'python', 0);
  const planUrl = page.url();

  // The PDF downloads under the plan's name.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download PDF' }).click();
  expect((await download).suggestedFilename()).toMatch(/^plan-shared-route\.pdf$/);

  await page.getByRole('link', { name: 'Printable view' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Shared route' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3 }).first()).toContainText(program);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Back to the plan' }).click();
  await expect(page).toHaveURL(planUrl);

  await page.getByLabel('Link valid for').selectOption('30');
  await page.getByRole('button', { name: 'Create read-only link' }).click();
  const linkField = page.getByLabel('Read-only plan link');
  await expect(linkField).toHaveValue(/\/shared\/plans\/[A-Za-z0-9_-]{43}$/);
  const link = await linkField.inputValue();
  await expect(page.getByRole('button', { name: /^Revoke the link/ })).toBeVisible();

  // Signed out, in another browser context, the link shows the plan read-only.
  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const shared = await visitor.newPage();
  await shared.goto(link);
  await expect(shared.getByRole('heading', { level: 1, name: 'Shared route' })).toBeVisible();
  await expect(shared.getByText(/^Shared by .+ · expires \d{4}-\d{2}-\d{2}$/)).toBeVisible();
  await expect(shared.getByText(name)).toBeVisible();
  await expect(shared.getByText(program).first()).toBeVisible();
  await expect(shared.getByRole('button', { name: /Save|Remove|Move/ })).toHaveCount(0);
  await expectNoAxeViolations(shared);

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: /^Revoke the link/ }).click();
  // The revoked link's row says so (its Revoke button, and the form's toast with it, are gone).
  await expect(page.getByRole('listitem').filter({ hasText: /revoked \d{4}-\d{2}-\d{2}/ })).toBeVisible();
  await shared.reload();
  await expect(shared.getByText(/This link was revoked on \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await visitor.close();
});
