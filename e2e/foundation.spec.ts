import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { signIn, storageStateFor } from './support/roles';

const password = 'a sturdy pass phrase 42';
const email = (label: string) => `${label}-${randomUUID().slice(0, 8)}@e2e.credpath.test`;

test('sign up, create an organisation, invite a colleague who joins; the wrong role is refused', async ({ page, browser }) => {
  const adminEmail = email('founder');
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Fiona Founder');
  await page.getByLabel('Email').fill(adminEmail);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Fiona Founder' })).toBeVisible();

  await page.getByRole('link', { name: 'Create an organisation' }).click();
  const orgName = `Eastside Careers ${randomUUID().slice(0, 4)}`;
  await page.getByLabel('Organisation name').fill(orgName);
  await page.getByLabel('Kind of organisation').selectOption('career_service');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByRole('heading', { name: `${orgName}: team` })).toBeVisible();

  await page.getByLabel('Role', { exact: true }).selectOption('practitioner');
  await page.getByRole('button', { name: 'Create invite link' }).click();
  const link = await page.getByLabel('Invite link').inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]+$/);

  // The colleague opens the link in their own browser.
  const colleague = await browser.newContext();
  const other = await colleague.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { name: `Join ${orgName}` })).toBeVisible();
  await other.getByRole('link', { name: 'Create an account and join' }).click();
  await other.getByLabel('Your name').fill('Colin Coach');
  await other.getByLabel('Email').fill(email('coach'));
  await other.getByLabel('Password').fill(password);
  await other.getByRole('button', { name: 'Create account' }).click();
  await expect(other.getByText(`Practitioner · ${orgName}`)).toBeVisible();

  // A practitioner may not manage the team: the server answers with the 403 page.
  const response = await other.goto('/settings/members');
  expect(response?.status()).toBe(403);
  await expect(other.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  await expect(other.getByRole('link', { name: 'Team' })).toHaveCount(0);

  // The link works once.
  await other.goto(link);
  await expect(other.getByText('This invite link has already been used')).toBeVisible();
  await colleague.close();

  // The admin sees the new member.
  await page.reload();
  await expect(page.getByRole('cell', { name: 'Colin Coach', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  expect((await page.goto('/settings/members'))?.url()).toContain('/signin?callbackUrl=%2Fsettings%2Fmembers');
});

test('bad sign-up and sign-in input gets specific messages', async ({ page }) => {
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Dup');
  await page.getByLabel('Email').fill('coach@demo.credpath.test');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Use at least 10 characters for your password.')).toBeVisible();
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(/An account with this email already exists\. Sign in instead/)).toBeVisible();

  await page.goto('/signin');
  await page.getByLabel('Email').fill('coach@demo.credpath.test');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('That email and password do not match an account.')).toBeVisible();
});

test('a tampered session cookie is refused with a clear message', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'next-auth.session-token', value: 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.tampered', url: baseURL! }]);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin\?/);
  await expect(page.getByText('Your session could not be verified')).toBeVisible();
});

test.describe('signed in as the demo coach', () => {
  test.use({ storageState: storageStateFor('coach') });

  test('the coach cannot open platform admin or API keys', async ({ page }) => {
    for (const path of ['/admin', '/settings/api-keys']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
    }
  });
});

test('the demo platform admin sees every organisation', async ({ page }) => {
  await signIn(page, 'platform@demo.credpath.test', 'credpath-demo-2026');
  await page.goto('/admin');
  await expect(page.getByRole('cell', { name: 'Riverside Career Centre' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Harbourview Logistics' })).toBeVisible();
});

test('public pages are accessible', async ({ page }) => {
  for (const path of ['/', '/signin', '/signup', '/about', '/no-such-page']) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
});
