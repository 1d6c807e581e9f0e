import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { storageStateFor } from './support/roles';

test('anyone searches programs with facets; filters live in the URL and survive reload and back', async ({ page }) => {
  await page.goto('/programs');
  await expect(page.getByRole('heading', { name: 'Find micro-credentials' })).toBeVisible();
  // The demo catalogue is indexed by the server's sync worker shortly after start.
  await expect.poll(async () => page.reload().then(() => page.getByRole('article').count()), { timeout: 60_000 }).toBeGreaterThan(0);

  await page.getByLabel('Search programs').fill('python');
  await expect(page).toHaveURL(/q=python/);
  await expect(page.getByRole('article').first()).toContainText(/python/i);

  const facet = page.getByRole('group', { name: 'Delivery mode' }).getByRole('checkbox').first();
  await facet.check();
  await expect(page).toHaveURL(/delivery_mode=/);
  const filteredUrl = page.url();
  await page.reload();
  await expect(page.getByRole('group', { name: 'Delivery mode' }).getByRole('checkbox').first()).toBeChecked();
  await expect(page.getByRole('list', { name: 'Active filters' })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/q=python/);
  await expect(page).not.toHaveURL(/delivery_mode=/);
  await expect(page.getByRole('group', { name: 'Delivery mode' }).getByRole('checkbox').first()).not.toBeChecked();
  expect(filteredUrl).toContain('delivery_mode=');
  await expect(page.getByRole('heading', { name: 'Find micro-credentials' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an empty result suggests what to relax', async ({ page }) => {
  await page.goto('/programs?q=zzqxjvw&credential_type=licence');
  await expect(page.getByText('No programs match all of that')).toBeVisible();
  await page.getByRole('link', { name: 'Search without “zzqxjvw”' }).click();
  await expect(page).toHaveURL(/credential_type=licence/);
  await expect(page).not.toHaveURL(/zzqxjvw/);
});

test('a program page shows the EU standard elements, and two programs compare side by side', async ({ page }) => {
  await page.goto('/programs?credential_type=digital_badge');
  await expect.poll(async () => page.reload().then(() => page.getByRole('article').count()), { timeout: 60_000 }).toBeGreaterThan(1);
  await page.getByRole('article').nth(0).getByRole('checkbox', { name: /Compare/ }).check();
  await page.getByRole('article').nth(1).getByRole('checkbox', { name: /Compare/ }).check();
  await page.getByRole('link', { name: 'Compare 2 programs' }).click();
  await expect(page).toHaveURL(/\/compare\?ids=/);
  await expect(page.getByRole('row', { name: /Cost/ })).toBeVisible();
  const sharedUrl = page.url();
  await page.goto(sharedUrl);
  await expect(page.getByRole('columnheader')).toHaveCount(3);

  await page.getByRole('columnheader').nth(1).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'EU standard elements' })).toBeVisible();
  await expect(page.getByText('Form of participation')).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe('provider import', () => {
  test.use({ storageState: storageStateFor('provider') });

  test('uploads a CSV, sees the row errors, confirms, and the valid program becomes searchable', async ({ page }) => {
    const title = `Solar Panel Installation ${randomUUID().slice(0, 6)}`;
    const csv = [
      'external_id,title,provider,credential_type,delivery_mode,country,region,cost,currency,status',
      `E2E-${randomUUID().slice(0, 6)},${title},Lakeshore Polytechnic,short_course,in_person,CA,CA-ON,300,CAD,published`,
      'E2E-BAD,Broken Row,Lakeshore Polytechnic,diploma,in_person,CA,CA-ON,-5,CAD,published',
    ].join('\n');
    await page.goto('/provider/imports');
    await page.getByLabel('File').setInputFiles({ name: 'programs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Check file' }).click();
    await expect(page.getByRole('heading', { name: 'Import: programs.csv' })).toBeVisible();
    const errors = page.getByRole('table', { name: 'Row errors' });
    await expect(errors.getByRole('row', { name: /3 credential_type/ })).toBeVisible();
    await expect(errors.getByRole('row', { name: /3 cost/ })).toBeVisible();
    await page.getByRole('button', { name: 'Import 1 valid program' }).click();
    await expect(page.getByText('Import complete')).toBeVisible({ timeout: 30_000 });

    await expect
      .poll(async () => (await (await page.request.get(`/api/v1/programs?q=${encodeURIComponent(title)}`)).json()).hits.map((h: { title: string }) => h.title), { timeout: 20_000 })
      .toContain(title);
  });
});
