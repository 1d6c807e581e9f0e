import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('coach') });

test('a practitioner records an outcome, reads the dashboard, exports the client’s data and deletes the client', async ({ page }) => {
  const name = `Lifecycle Client ${randomUUID().slice(0, 6)}`;
  await page.goto('/clients/new');
  await page.getByLabel('Full name').fill(name);
  await page.getByRole('button', { name: 'Create client' }).click();
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}\?created=1$/);
  const clientUrl = new URL(page.url()).pathname;

  // A job obtained moves the client to "employed" and goes on the timeline.
  await page.getByText('Record an outcome').click();
  // A select's label text includes its options, so selects are found by role and accessible name.
  await page.getByRole('combobox', { name: 'Outcome', exact: true }).selectOption('job_obtained');
  await page.getByLabel('Credential or job title').fill('Warehouse data analyst');
  await page.getByRole('button', { name: 'Record outcome' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Outcome recorded: Warehouse data analyst.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Outcomes (1)' })).toBeVisible();
  await expect(page.getByText('Stage moved to employed.')).toBeVisible();

  // The dashboard's funnel names each stage with its count in text.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Caseload dashboard' })).toBeVisible();
  const funnel = page.getByRole('list', { name: 'Funnel of active clients by stage' });
  await expect(funnel.getByRole('listitem')).toHaveCount(6);
  await expect(funnel.getByRole('listitem').filter({ hasText: 'Employed' })).toContainText(/[1-9]\d* clients?/);
  await expect(page.getByText('Jobs obtained this month')).toBeVisible();
  await page.getByRole('combobox', { name: 'Clients', exact: true }).selectOption('mine');
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page).toHaveURL(/scope=mine/);
  await expect(page.getByText(/^Your clients at a glance/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Export: a JSON file named after the client, holding the outcome.
  await page.goto(`${clientUrl}/edit`);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export data (JSON)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^client-${name.toLowerCase().replace(/ /g, '-')}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(exported.client.fullName).toBe(name);
  expect(exported.outcomes[0].title).toBe('Warehouse data analyst');

  // Deletion needs the exact name; then the caseload confirms it and the record is gone.
  const confirm = page.getByLabel(/Type the client’s full name/);
  await confirm.fill('Someone else');
  await page.getByRole('button', { name: 'Delete client' }).click();
  await expect(page.getByText('Type the client’s full name exactly as recorded to confirm.')).toBeVisible();
  await page.getByLabel(/Type the client’s full name/).fill(name);
  await page.getByRole('button', { name: 'Delete client' }).click();
  await expect(page).toHaveURL(/\/clients\?deleted=1$/);
  await expect(page.getByText('Client deleted')).toBeVisible();
  await expect(page.getByRole('link', { name })).toHaveCount(0);
  await page.goto(clientUrl);
  await expect(page.getByRole('heading', { name: 'We couldn’t find that page' })).toBeVisible();
});
