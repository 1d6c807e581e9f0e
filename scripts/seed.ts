/** `npm run seed`: loads demo data into the configured database once (a no-op when already seeded). */
import { getDb } from '@/db';
import { seedDemoData } from '@/db/seed';
import { exitWithMessage, withAppEnv } from './lib/with-app-env';

withAppEnv(async () => {
  const { isSeeded } = await seedDemoData(getDb());
  console.log(isSeeded ? 'Demo data loaded.' : 'Demo data was already loaded; nothing changed.');
}).catch(exitWithMessage);
