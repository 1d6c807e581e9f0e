/** `npm run reindex`: rebuilds the search index from PostgreSQL with no downtime (build, then swap). */
import { exitWithMessage, withAppEnv } from './lib/with-app-env';

withAppEnv(async () => {
  const { reindexPrograms, drainOutbox } = await import('@/lib/search/program-index');
  const started = performance.now();
  const { documents } = await reindexPrograms((done) => process.stderr.write(`\rindexed ${done.toLocaleString('en')} programs`));
  await drainOutbox();
  console.log(`\nRebuilt the programs index: ${documents} published programs in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}).catch(exitWithMessage);
