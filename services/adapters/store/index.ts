/**
 * The signature store: embedding signatures of scenes for reverse lookup (text → vector → the scene it came
 * from). Redis when REDIS_URL is set, else the embedded store under HB_DATA_DIR; both use the same banded LSH
 * index and answer the same lookups.
 */
import { join, resolve } from 'node:path';
import type { Config } from '../../lib/config.js';
import type { Logger } from '../../lib/logger.js';
import { createLsh, signatureNamespace } from '../../core/signature/index.js';
import { loadLexicon } from '../../data/lexicon.js';
import { openEmbeddedStore } from './embedded.js';
import { openRedisStore } from './redis.js';
import { createRedisClient } from './redis-connection.js';
import { systemClock, type Clock, type SignatureStore } from './types.js';
import { pruneIntervalMs, withAutoPrune } from './auto-prune.js';

export type { SignatureStore, StoredScene, LookupMatch, StoreStats, Clock, StoreOptions } from './types.js';
export { systemClock } from './types.js';
export { withAutoPrune, pruneIntervalMs } from './auto-prune.js';
export { openEmbeddedStore, type EmbeddedStoreOptions } from './embedded.js';
export { openRedisStore, isTransientRedisError, type RedisStoreOptions } from './redis.js';
export { createRedisClient, type RedisConnectionConfig } from './redis-connection.js';
export { redisLayout, type RedisLayout } from './redis-layout.js';
export { createWriteQueue, type WriteQueue } from './write-queue.js';

/**
 * The part of the Embedder the store needs: which model made the vectors and their dimension, and, to centre
 * the LSH hyperplanes on the model's mean, its static lemma vectors (an embedder without them hashes around
 * the origin).
 */
export interface VectorSource {
  readonly modelId: string;
  readonly dim: number;
  lemmaVector?(lemma: string): Float32Array | null;
}

/** The mean of the lexicon's concept lemmas in the model: deterministic for one model and one lexicon. */
export function lshCentre(source: VectorSource, lemmas: readonly string[]): Float32Array | undefined {
  if (!source.lemmaVector) return undefined;
  const sum = new Float32Array(source.dim);
  let n = 0;
  for (const lemma of lemmas) {
    const v = source.lemmaVector(lemma);
    if (!v) continue;
    for (let i = 0; i < sum.length; i++) sum[i] = sum[i]! + v[i]!;
    n++;
  }
  return n === 0 ? undefined : sum.map((x) => x / n);
}

export type StoreConfig = Pick<
  Config,
  | 'REDIS_URL' | 'REDIS_USERNAME' | 'REDIS_PASSWORD' | 'REDIS_TLS' | 'REDIS_TLS_CA_FILE' | 'HB_DATA_DIR' | 'HB_TOPIC_PREFIX'
  | 'HB_LSH_BANDS' | 'HB_LSH_ROWS' | 'HB_LSH_SEED' | 'HB_LSH_PROBES' | 'HB_STORE_TTL_S' | 'HB_LOOKUP_THRESHOLD' | 'HB_STORE_SHARDS' | 'HB_STORE_PENDING_MAX'
>;

export async function createSignatureStore(
  config: StoreConfig,
  embedder: VectorSource,
  opts: { logger?: Logger; clock?: Clock } = {},
): Promise<SignatureStore> {
  const store = await openConfiguredStore(config, embedder, opts);
  return config.HB_STORE_TTL_S > 0
    ? withAutoPrune(store, pruneIntervalMs(config.HB_STORE_TTL_S), opts.clock ?? systemClock, opts.logger)
    : store;
}

function conceptLemmas(): string[] {
  return loadLexicon().concepts.flatMap((c) => [c.ru, c.en]).filter((w) => w && !/\s/.test(w));
}

async function openConfiguredStore(
  config: StoreConfig,
  embedder: VectorSource,
  opts: { logger?: Logger; clock?: Clock },
): Promise<SignatureStore> {
  const params = { bands: config.HB_LSH_BANDS, rows: config.HB_LSH_ROWS, seed: config.HB_LSH_SEED };
  const centre = lshCentre(embedder, conceptLemmas());
  const lsh = createLsh(embedder.dim, params, centre);
  const namespace = signatureNamespace(embedder.modelId, embedder.dim, params, centre);
  const common = {
    namespace,
    modelId: embedder.modelId,
    lsh,
    ttlSeconds: config.HB_STORE_TTL_S,
    threshold: config.HB_LOOKUP_THRESHOLD,
    probes: config.HB_LSH_PROBES,
    ...(opts.clock ? { clock: opts.clock } : {}),
  };
  if (config.REDIS_URL) {
    const client = createRedisClient({
      url: config.REDIS_URL,
      username: config.REDIS_USERNAME,
      password: config.REDIS_PASSWORD,
      tls: config.REDIS_TLS,
      tlsCaFile: config.REDIS_TLS_CA_FILE,
    });
    return openRedisStore({
      ...common,
      client,
      prefix: `${config.HB_TOPIC_PREFIX}:sig`,
      shards: config.HB_STORE_SHARDS,
      maxPending: config.HB_STORE_PENDING_MAX,
      ...(opts.logger ? { logger: opts.logger } : {}),
    });
  }
  return openEmbeddedStore({ ...common, dir: join(resolve(config.HB_DATA_DIR), 'signatures') });
}
