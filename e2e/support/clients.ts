import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

/** Creates a consenting client in New York through the form and opens their record; returns their (unique) name. */
export async function createClientInNewYork(page: Page, prefix: string, opts: { email?: string } = {}): Promise<string> {
  const name = `${prefix} ${randomUUID().slice(0, 6)}`;
  await page.goto('/clients/new');
  await page.getByLabel('Full name').fill(name);
  if (opts.email) await page.getByLabel('Email (optional)').fill(opts.email);
  await page.getByLabel('Country').selectOption('US');
  await page.getByLabel('Region', { exact: true }).selectOption('US-NY');
  await page.getByLabel(/Consents to Credpath processing their data/).check();
  await page.getByRole('button', { name: 'Create client' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  return name;
}

/** Starts an empty plan from the client's record and opens it. */
export async function startPlan(page: Page, planName: string) {
  await page.getByLabel('Plan name (optional)').fill(planName);
  await page.getByRole('button', { name: 'New plan' }).click();
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}\/plans\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: planName })).toBeVisible();
}

/** Picks the n-th program the catalogue search finds and adds it to the open plan; returns its title. */
export async function addProgramFromSearch(page: Page, query: string, nth: number): Promise<string> {
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
