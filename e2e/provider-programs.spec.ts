import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('provider') });

const searchTitles = async (api: APIRequestContext, q: string): Promise<string[]> => {
  const response = await api.get(`/api/v1/programs?q=${encodeURIComponent(q)}`);
  if (!response.ok()) return [];
  return ((await response.json()) as { hits?: { title: string }[] }).hits?.map((h) => h.title) ?? [];
};

test('a provider creates a program, fixes a field error, publishes it, and it becomes searchable', async ({ page, playwright, baseURL }) => {
  const title = `Wind Turbine Safety ${randomUUID().slice(0, 8)}`;

  await page.goto('/provider/programs');
  await page.getByRole('link', { name: 'New program' }).click();
  await expect(page.getByRole('heading', { name: 'New program' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Awarding body' }).getByLabel('Awarding body name')).toHaveValue('Lakeshore Polytechnic');

  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Summary', { exact: true }).fill('Work safely at height on onshore wind turbines.');
  await page.getByLabel('Learning outcomes').fill('Use fall-arrest equipment correctly\nPlan a rescue from a nacelle');
  await page.getByLabel('Credential type').selectOption('short_course');
  await page.getByLabel('Field of study').selectOption('0713');
  await page.getByLabel('Delivery mode').selectOption('in_person');
  await page.getByLabel('Country of delivery').selectOption('CA');
  await page.getByLabel('Region', { exact: true }).selectOption('CA-ON');
  await page.getByLabel('City', { exact: true }).fill('Hamilton');
  await page.getByLabel('Latitude', { exact: true }).fill('200');
  await page.getByLabel('Longitude', { exact: true }).fill('-79.87');
  await page.getByLabel('Hours of learning').fill('24');
  await page.getByLabel('EQF level').selectOption('4');
  await page.getByLabel('Type of assessment').fill('Practical exam at height');
  await page.getByLabel('Type of quality assurance').fill('Internal review');
  await page.getByLabel('Cost', { exact: true }).fill('450');
  await page.getByLabel('Currency', { exact: true }).fill('CAD');
  await page.getByLabel('Start dates').fill('2027-03-01\n2027-09-06');
  await page.getByRole('button', { name: 'Create program' }).click();

  // The bad latitude comes back as a summary and an inline error; everything typed is kept.
  await expect(page.getByRole('alert').filter({ hasText: '1 field needs attention' })).toBeVisible();
  const latitude = page.getByLabel('Latitude', { exact: true });
  await expect(latitude).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#field-latitude-error')).toHaveText('Latitude must be at most 90.');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
  await expect(page.getByLabel('Region', { exact: true })).toHaveValue('CA-ON');
  await expect(page.getByLabel('Delivery mode')).toHaveValue('in_person');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: /^Latitude:/ }).click();
  await expect(latitude).toBeFocused();
  await latitude.fill('43.26');
  await page.getByRole('button', { name: 'Create program' }).click();

  // A draft opens in the edit form, with what the EU standard still asks for.
  await expect(page).toHaveURL(/\/provider\/programs\/[0-9a-f-]{36}\/edit\?created=1$/);
  await expect(page.getByText('Draft saved')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'EU standard elements' })).toBeVisible();
  await expect(page.getByLabel('Latitude', { exact: true })).toHaveValue('43.26');
  await expectNoAxeViolations(page);

  await page.goto(`/provider/programs?q=${encodeURIComponent(title)}`);
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row.getByText('Draft', { exact: true })).toBeVisible();
  await row.getByRole('button', { name: `Publish ${title}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is published' })).toBeVisible();
  await expect(row.getByText('Published', { exact: true })).toBeVisible();

  // Anyone finds it through the public API once the sync worker has indexed it.
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    await expect.poll(() => searchTitles(anonymous, title), { timeout: 10_000 }).toContain(title);

    // Deleting it takes it out of search again.
    await row.getByRole('link', { name: title, exact: true }).click();
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Delete program' }).click();
    await expect(page).toHaveURL(/\/provider\/programs\?deleted=1$/);
    await expect(page.getByText('Program deleted.')).toBeVisible();
    await expect.poll(() => searchTitles(anonymous, title), { timeout: 10_000 }).not.toContain(title);
  } finally {
    await anonymous.dispose();
  }
});
