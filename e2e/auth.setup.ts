import { test as setup } from '@playwright/test';
import { type DemoRole, demoAccount, signIn, storageStateFor } from './support/roles';

// Signs each demo role in once; specs reuse the saved session with test.use({ storageState }).
for (const role of ['admin', 'coach', 'employer', 'provider', 'seeker', 'platform'] as DemoRole[]) {
  setup(`sign in as demo ${role}`, async ({ page }) => {
    const account = demoAccount(role);
    await signIn(page, account.email, account.password);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
