// Next.js calls register() once per server instance at start-up.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.CREDPATH_SYNC_WORKER !== '0') {
    const { startSearchSync } = await import('./lib/search/sync-worker');
    startSearchSync();
  }
  // The skill matcher takes a few seconds to build: build it now, not in the first save's request.
  const { skillMatcher } = await import('./lib/skills/skill-extraction');
  void skillMatcher().catch(() => undefined);
}
