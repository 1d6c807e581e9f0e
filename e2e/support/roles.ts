import path from 'node:path';
import type { Page } from '@playwright/test';
import { demoAccounts } from '../../db/seed/demo-accounts';

export type DemoRole = 'admin' | 'coach' | 'employer' | 'provider' | 'seeker' | 'platform';

export const storageStateFor = (role: DemoRole) => path.join(import.meta.dirname, '..', '.auth', `${role}.json`);

export function demoAccount(role: DemoRole) {
  const account = demoAccounts.find((a) => a.email.startsWith(`${role}@`));
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}
