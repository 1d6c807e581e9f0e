import { eq } from 'drizzle-orm';
import type { Database } from '../index';
import { appMeta, organisations } from '../schema';
import { systemActor } from '@/lib/auth/actor';
import { createUserAccount } from '@/lib/auth/accounts';
import { importProgramsFile } from '@/lib/imports/program-import';
import { addMember, slugify } from '@/lib/orgs/organisations';
import { demoAccounts, demoOrgs } from './demo-accounts';
import { generateDemoPrograms } from './demo-programs';

const seedKey = 'demo_seed';
const catalogueKey = 'demo_catalogue';
/** The demo provider account's organisation publishes this provider's generated programs. */
const demoProviderName = 'Lakeshore Polytechnic';

/**
 * Demo organisations and one account per role. Runs once per database: a marker in
 * app_meta makes later starts skip it, so nothing a user changed is overwritten.
 */
export async function seedDemoData(db: Database): Promise<{ isSeeded: boolean }> {
  const done = await db.query.appMeta.findFirst({ where: eq(appMeta.key, seedKey) });
  if (done) return { isSeeded: await seedDemoCatalogue(db) };
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
  await seedDemoCatalogue(db);
  return { isSeeded: true };
}

/**
 * The demo catalogue (generated from O*NET, clearly marked as demo data), imported through
 * the same path as a provider's file. One provider's programs go to the demo provider
 * organisation so its account has programs to manage.
 */
async function seedDemoCatalogue(db: Database): Promise<boolean> {
  const done = await db.query.appMeta.findFirst({ where: eq(appMeta.key, catalogueKey) });
  if (done) return false;
  const generated = await generateDemoPrograms();
  const catalogue = await db.query.organisations.findFirst({ where: eq(organisations.isPlatformCatalogue, true) });
  const provider = await db.query.organisations.findFirst({ where: eq(organisations.name, demoProviderName) });
  const ownProviderName = generated.find((p) => p.providerCountry === 'CA')?.providerName;
  const isOwn = (p: (typeof generated)[number]) => !!provider && p.providerName === ownProviderName;
  const batches: Array<[string | undefined, typeof generated]> = [
    [catalogue?.id, generated.filter((p) => !isOwn(p))],
    [provider?.id, generated.filter(isOwn).map((p) => ({ ...p, providerName: demoProviderName }))],
  ];
  for (const [orgId, items] of batches) {
    if (!orgId || items.length === 0) continue;
    const report = await importProgramsFile(systemActor, { filename: 'demo-catalogue.json', format: 'json', content: Buffer.from(JSON.stringify(items)) }, { orgId });
    if (report.errorCount) throw new Error(`Demo catalogue has invalid rows: ${JSON.stringify(report.errors.slice(0, 3))}`);
  }
  await db.insert(appMeta).values({ key: catalogueKey, value: { seededAt: new Date().toISOString(), programs: generated.length } });
  return true;
}
