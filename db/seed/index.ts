import { eq } from 'drizzle-orm';
import type { Database } from '../index';
import { appMeta, organisations } from '../schema';
import { addMember, slugify } from '@/lib/orgs/organisations';
import { createUserAccount } from '@/lib/auth/accounts';
import { demoAccounts, demoOrgs } from './demo-accounts';

const seedKey = 'demo_seed';

/**
 * Demo organisations and one account per role. Runs once per database: a marker in
 * app_meta makes later starts skip it, so nothing a user changed is overwritten.
 */
export async function seedDemoData(db: Database): Promise<{ isSeeded: boolean }> {
  const done = await db.query.appMeta.findFirst({ where: eq(appMeta.key, seedKey) });
  if (done) return { isSeeded: false };
  await db.transaction(async (tx) => {
    const orgIds = new Map<string, string>();
    for (const org of demoOrgs) {
      const [row] = await tx
        .insert(organisations)
        .values({ name: org.name, slug: slugify(org.name), kind: org.kind, isPlatformCatalogue: org.isPlatformCatalogue ?? false })
        .returning();
      orgIds.set(org.key, row!.id);
    }
    for (const account of demoAccounts) {
      const user = await createUserAccount(tx, { name: account.name, email: account.email, password: account.password, isPlatformAdmin: account.isPlatformAdmin });
      if (account.org) await addMember(tx, orgIds.get(account.org.key)!, user.id, account.org.role);
    }
    await tx.insert(appMeta).values({ key: seedKey, value: { seededAt: new Date().toISOString(), version: 1 } });
  });
  return { isSeeded: true };
}
