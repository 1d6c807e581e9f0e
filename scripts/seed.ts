/** `npm run seed`: loads the skills taxonomy (when empty) and demo data into the configured database, once. */
import { getDb } from '@/db';
import { skills } from '@/db/schema';
import { seedDemoData } from '@/db/seed';
import { exitWithMessage, withAppEnv } from './lib/with-app-env';

withAppEnv(async () => {
  const [anySkill] = await getDb().select({ id: skills.id }).from(skills).limit(1);
  if (!anySkill) {
    const { loadTaxonomy } = await import('@/lib/skills/taxonomy-loader');
    const counts = await loadTaxonomy();
    console.log(`Skills taxonomy loaded: ${counts.skills.total} skills, ${counts.occupations.esco + counts.occupations.onet} occupations.`);
  } else {
    const { ensureLabourMarketSignals } = await import('@/lib/demand/labour-market');
    await ensureLabourMarketSignals(getDb());
  }
  const { isSeeded } = await seedDemoData(getDb());
  console.log(isSeeded ? 'Demo data loaded.' : 'Demo data was already loaded; nothing changed.');
}).catch(exitWithMessage);
