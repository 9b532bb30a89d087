import type { Lsh, LookupResult } from '../../core/signature/index.js';

/** One scene as the signature store keeps it. */
export interface StoredScene {
  sceneId: string;
  key: string;
  mnemonic: string;
  /** Unit-length scene vector of `modelId`. */
  vector: Float32Array;
  modelId: string;
  meta: Record<string, unknown>;
}

export interface LookupMatch {
  sceneId: string;
  mnemonic: string;
  key: string;
  similarity: number;
}

export interface StoreStats {
  /** Scene writes that reached the store. */
  written: number;
  /** Writes that failed and were put in the pending queue. */
  queued: number;
  /** Retry attempts made while draining the pending queue. */
  retries: number;
  /** Writes waiting in the pending queue now. */
  pending: number;
}

export interface SignatureStore {
  /** Model id, dimension and LSH parameters; a store never mixes namespaces. */
  readonly namespace: string;
  /** Resolves once the scene is written or queued for retry; rejects (retriable) only when the queue is full. */
  put(entry: StoredScene): Promise<void>;
  /** Top k matches at or above HB_LOOKUP_THRESHOLD, best first. */
  lookup(vector: Float32Array, k: number): Promise<LookupMatch[]>;
  /** The same lookup with the number of cosine evaluations it took (benchmarks) and an optional threshold. */
  lookupWithStats(vector: Float32Array, k: number, threshold?: number): Promise<LookupResult>;
  /** Removes expired scenes; returns how many. */
  prune(): Promise<number>;
  stats(): StoreStats;
  /** Waits for pending writes (up to `timeoutMs`) and releases connections. */
  close(timeoutMs?: number): Promise<void>;
}

/** Time, injected so retries and expiry are testable without waiting. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** What every signature store is opened with; each adapter adds its own connection options. */
export interface StoreOptions {
  namespace: string;
  modelId: string;
  lsh: Lsh;
  ttlSeconds: number;
  threshold: number;
  /** Multi-probe buckets over all bands at lookup, besides each band's own (HB_LSH_PROBES). */
  probes?: number;
  clock?: Clock;
}
