/**
 * The Redis signature store. Same banded index as the embedded store (layout in redis-layout.ts). A write that
 * fails because Redis is away is queued and retried with back-off (write-queue.ts) and drained on reconnect;
 * a lookup while Redis is away answers HB_ERR_STORE_UNAVAILABLE.
 */
import type { Redis } from 'ioredis';
import { HyperBridgeError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import { assertNamespace, rankCandidates, type Candidate } from '../../core/signature/index.js';
import { decodeVector, encodeVector } from './codec.js';
import { redisLayout } from './redis-layout.js';
import { defineStoreCommands } from './redis-scripts.js';
import { createWriteQueue } from './write-queue.js';
import { validateEntry, validateVector } from './validate.js';
import { systemClock, type SignatureStore, type StoredScene, type StoreOptions } from './types.js';

export interface RedisStoreOptions extends StoreOptions {
  client: Redis;
  /** Key prefix, e.g. `hb:sig`. */
  prefix: string;
  shards: number;
  maxPending: number;
  logger?: Logger;
  retry?: { baseDelayMs: number; maxDelayMs: number };
}

const PRUNE_BATCH = 500;

/** Reply errors are answers from a live server (wrong type, script error): retrying cannot help, except these. */
const TRANSIENT_REPLY = /^(LOADING|BUSY|TRYAGAIN|CLUSTERDOWN|MASTERDOWN|READONLY)/;

export function isTransientRedisError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'ReplyError') return TRANSIENT_REPLY.test(err.message);
  return true;
}

function unavailable(err: unknown): HyperBridgeError {
  return new HyperBridgeError('HB_ERR_STORE_UNAVAILABLE', 'store', `the signature store (Redis) is unavailable: ${(err as Error).message}`, { cause: err });
}

/** Claims the namespace for a new store, or checks that an existing one matches. */
async function checkNamespace(client: Redis, key: string, namespace: string): Promise<void> {
  await client.set(key, namespace, 'NX');
  assertNamespace(await client.get(key), namespace, `Redis key ${key}`, `delete the keys of the old namespace (and ${key})`);
}

export async function openRedisStore(opts: RedisStoreOptions): Promise<SignatureStore> {
  const clock = opts.clock ?? systemClock;
  const dim = opts.lsh.dim;
  const layout = redisLayout(opts.prefix, opts.shards);
  const client = defineStoreCommands(opts.client);
  let written = 0;

  try {
    if (client.status === 'wait') await client.connect();
    await checkNamespace(client, layout.namespaceKey, opts.namespace);
  } catch (err) {
    client.disconnect();
    throw err instanceof HyperBridgeError ? err : unavailable(err);
  }

  async function write(entry: StoredScene): Promise<void> {
    const shard = layout.shardOf(entry.sceneId);
    const bands = opts.lsh.bandKeys(entry.vector);
    const expireAt = opts.ttlSeconds > 0 ? clock.now() + opts.ttlSeconds * 1000 : 0;
    await client.putScene(
      2 + bands.length,
      layout.sceneKey(shard, entry.sceneId),
      layout.expiryKey(shard),
      ...bands.map((b) => layout.bandKey(shard, b)),
      entry.sceneId,
      encodeVector(entry.vector),
      entry.key,
      entry.mnemonic,
      entry.modelId,
      JSON.stringify(entry.meta ?? {}),
      expireAt,
      layout.bandKey(shard, ''),
      bands.join(','),
    );
    written++;
  }

  const queue = createWriteQueue({
    write,
    isTransient: isTransientRedisError,
    onDrop: (entry, err) => opts.logger?.error({ sceneId: entry.sceneId, err }, 'signature write dropped: Redis refused it'),
    clock,
    maxPending: opts.maxPending,
    baseDelayMs: opts.retry?.baseDelayMs ?? 100,
    maxDelayMs: opts.retry?.maxDelayMs ?? 5000,
  });

  // A restarted server may be empty (no persistence): claim the namespace again before draining into it.
  const onReady = () => {
    checkNamespace(client, layout.namespaceKey, opts.namespace).then(
      () => queue.wake(),
      (err) => opts.logger?.error({ err }, 'signature store namespace check failed after reconnect'),
    );
  };
  client.on('ready', onReady);
  // ioredis emits 'error' on every failed reconnect; without a listener Node would treat it as fatal.
  client.on('error', (err) => opts.logger?.warn({ err: err.message }, 'signature store connection error'));

  const store: SignatureStore = {
    namespace: opts.namespace,
    async put(entry) {
      validateEntry(entry, opts.modelId, dim);
      if (queue.size > 0) return queue.enqueue(entry); // keep order behind earlier pending writes
      try {
        await write(entry);
      } catch (err) {
        if (!isTransientRedisError(err)) throw new HyperBridgeError('HB_ERR_INTERNAL', 'store', `Redis refused the scene write: ${(err as Error).message}`, { cause: err });
        opts.logger?.warn({ sceneId: entry.sceneId, err: (err as Error).message }, 'signature write queued for retry');
        queue.enqueue(entry);
      }
    },
    async lookup(vector, k) {
      return (await store.lookupWithStats(vector, k)).matches;
    },
    async lookupWithStats(vector, k, threshold = opts.threshold) {
      validateVector(vector, dim);
      const bands = opts.lsh.probeKeys(vector, opts.probes ?? 0);
      const now = clock.now();
      let replies: Buffer[][];
      try {
        replies = await Promise.all(
          Array.from({ length: layout.shards }, (_, shard) =>
            client.lookupCandidatesBuffer(bands.length, ...bands.map((b) => layout.bandKey(shard, b)), layout.sceneKey(shard, ''), now),
          ),
        );
      } catch (err) {
        throw isTransientRedisError(err) ? unavailable(err) : new HyperBridgeError('HB_ERR_INTERNAL', 'store', (err as Error).message, { cause: err });
      }
      const candidates: Candidate[] = [];
      for (const flat of replies) {
        for (let i = 0; i < flat.length; i += 4) {
          candidates.push({ sceneId: flat[i]!.toString(), vector: decodeVector(flat[i + 1]!, dim), key: flat[i + 2]!.toString(), mnemonic: flat[i + 3]!.toString() });
        }
      }
      return { matches: rankCandidates(vector, candidates, k, threshold), candidates: candidates.length };
    },
    async prune() {
      let removed = 0;
      try {
        for (let shard = 0; shard < layout.shards; shard++) {
          let n: number;
          do {
            n = await client.pruneExpired(1, layout.expiryKey(shard), clock.now(), layout.shardPrefix(shard), PRUNE_BATCH);
            removed += n;
          } while (n === PRUNE_BATCH);
        }
      } catch (err) {
        throw isTransientRedisError(err) ? unavailable(err) : err;
      }
      return removed;
    },
    stats: () => ({ written, queued: queue.queued, retries: queue.retries, pending: queue.size }),
    async close(timeoutMs = 5000) {
      if (queue.size > 0 && !(await queue.drained(timeoutMs))) {
        opts.logger?.error({ pending: queue.size }, 'signature store closed with writes still pending');
      }
      queue.stop();
      client.off('ready', onReady);
      client.disconnect();
    },
  };
  return store;
}
