import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

const password = 'a sturdy pass phrase 42';

test('a new job seeker saves a program, notes it on the shortlist and removes it', async ({ page }) => {
  // The demo catalogue is indexed by the server's sync worker shortly after start.
  let program = { slug: '', title: '' };
  await expect
    .poll(async () => {
      program = (await (await page.request.get('/api/v1/programs?per_page=1')).json()).hits[0] ?? program;
      return program.slug;
    }, { timeout: 60_000 })
    .not.toBe('');

  // Signed out: the program page asks to sign in, and signing up comes back to it.
  await page.goto(`/programs/${program.slug}`);
  await page.getByRole('link', { name: 'Sign in to save' }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Your name').fill('Sam Seeker');
  await page.getByLabel('Email').fill(`seeker-${randomUUID().slice(0, 8)}@e2e.credpath.test`);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: program.title })).toBeVisible();

  await page.getByRole('button', { name: 'Save to shortlist' }).click();
  await expect(page.getByRole('button', { name: 'Saved — remove from shortlist' })).toBeVisible();

  await page.getByRole('banner').getByRole('link', { name: 'Shortlist' }).click();
  await expect(page.getByRole('heading', { name: 'Your shortlist' })).toBeVisible();
  await expect(page.getByRole('link', { name: program.title })).toBeVisible();
  await page.getByLabel('Your note').fill('Ask about funding');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Note saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Your note')).toHaveValue('Ask about funding');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: `Remove ${program.title}` }).click();
  await expect(page.getByText('Your shortlist is empty')).toBeVisible();
  await expectNoAxeViolations(page);
});
