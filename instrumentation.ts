// Next.js calls register() once per server instance at start-up.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.CREDPATH_SYNC_WORKER !== '0') {
    const { startSearchSync } = await import('./lib/search/sync-worker');
    startSearchSync();
  }
}
