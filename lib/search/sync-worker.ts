import 'server-only';
import { applyAllIndexSettings, drainOutbox } from './sync';

type WorkerState = { isRunning: boolean; hasSettings: boolean; lastError: string | null; timer?: NodeJS.Timeout };
const globalState = globalThis as typeof globalThis & { __credpathSync?: WorkerState };

/**
 * Runs inside every app instance (see instrumentation.ts): applies index settings once
 * Meilisearch answers, then drains the outbox every second, backing off while it is down.
 */
export function startSearchSync(intervalMs = 1000): void {
  if (globalState.__credpathSync?.isRunning) return;
  const state: WorkerState = (globalState.__credpathSync = { isRunning: true, hasSettings: false, lastError: null });

  const tick = async () => {
    let delay = intervalMs;
    try {
      if (!state.hasSettings) {
        await applyAllIndexSettings();
        state.hasSettings = true;
      }
      const { failed } = await drainOutbox({ maxBatches: 5 });
      if (failed) delay = intervalMs * 5;
      if (state.lastError) console.log('[search-sync] Meilisearch reachable again; catching up.');
      state.lastError = null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // One line per distinct failure, not one per second.
      if (message !== state.lastError) console.warn(`[search-sync] ${message}; will retry.`);
      state.lastError = message;
      delay = intervalMs * 5;
    }
    if (state.isRunning) state.timer = setTimeout(tick, delay);
  };
  state.timer = setTimeout(tick, 0);
}

export function stopSearchSync(): void {
  const state = globalState.__credpathSync;
  if (!state) return;
  state.isRunning = false;
  clearTimeout(state.timer);
}
