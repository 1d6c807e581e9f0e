/** `npm run reindex [program|skill|occupation]`: rebuilds search indexes from PostgreSQL with no downtime (build, then swap). */
import { exitWithMessage, withAppEnv } from './lib/with-app-env';

withAppEnv(async () => {
  const { reindex, drainUntilEmpty, indexDefinitions } = await import('@/lib/search/sync');
  const only = process.argv[2];
  const entities = (only ? [only] : Object.keys(indexDefinitions)) as Array<keyof typeof indexDefinitions>;
  for (const entity of entities) {
    if (!(entity in indexDefinitions)) throw new Error(`Unknown index “${entity}”: use one of ${Object.keys(indexDefinitions).join(', ')}.`);
    const started = performance.now();
    const { documents } = await reindex(entity, (done) => process.stderr.write(`\r${entity}: ${done.toLocaleString('en')} documents`));
    console.log(`\nRebuilt the ${entity} index: ${documents.toLocaleString('en')} documents in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }
  await drainUntilEmpty();
}).catch(exitWithMessage);
