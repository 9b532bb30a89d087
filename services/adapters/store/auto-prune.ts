/**
 * With a TTL, the store prunes itself on a timer so its size stays bounded even when nobody runs
 * `hyperbridge store prune`. Expired scenes never answer lookups in between (both adapters check expiry).
 */
import type { Logger } from '../../lib/logger.js';
import type { Clock, SignatureStore } from './types.js';

export function pruneIntervalMs(ttlSeconds: number): number {
  return Math.max(1000, Math.min((ttlSeconds * 1000) / 2, 60_000));
}

export function withAutoPrune(store: SignatureStore, intervalMs: number, clock: Clock, logger?: Logger): SignatureStore {
  let timer: unknown = null;
  let closed = false;
  const tick = () => {
    timer = null;
    store.prune().then(
      (n) => n > 0 && logger?.debug({ pruned: n }, 'expired signatures pruned'),
      (err) => logger?.warn({ err: (err as Error).message }, 'signature prune failed; retrying at the next interval'),
    ).finally(() => {
      if (!closed) timer = clock.setTimeout(tick, intervalMs);
    });
  };
  timer = clock.setTimeout(tick, intervalMs);
  return {
    ...store,
    namespace: store.namespace,
    async close(timeoutMs) {
      closed = true;
      if (timer !== null) clock.clearTimeout(timer);
      await store.close(timeoutMs);
    },
  };
}
