import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

test('anyone finds a skill with a typo, opens it and sees who needs it and what teaches it', async ({ page }) => {
  await page.goto('/skills?q=pyhton');
  const link = page.getByRole('link', { name: 'Python (computer programming)' });
  // The taxonomy is indexed by the server's sync worker shortly after start.
  await expect.poll(async () => page.reload().then(() => link.count()), { timeout: 60_000 }).toBeGreaterThan(0);
  await expectNoAxeViolations(page);
  await link.first().click();
  await expect(page.getByRole('heading', { name: 'Python (computer programming)' })).toBeVisible();
  await expect(page.getByText('Occupations that need it')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Programs that teach it' })).toBeVisible();
  const occupations = page.locator('section', { has: page.getByRole('heading', { name: 'Occupations that need it' }) });
  await occupations.getByRole('link').first().click();
  await expect(page.getByText(/Required skills \(\d+\), most important first/)).toBeVisible();
  await expectNoAxeViolations(page);
});
