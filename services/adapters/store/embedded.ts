/**
 * The embedded signature store: the same banded index as Redis, persisted under HB_DATA_DIR as an append-only
 * file of scenes (scene-file.ts) that is re-indexed on open and compacted by prune(). Memory holds the compact
 * index (ids, band buckets, expiry) and a bounded cache of vectors; the vectors themselves and the scenes' key,
 * mnemonic and meta stay on disk, so memory grows by a few dozen bytes per scene, not by its vector.
 */
import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertNamespace, createMemoryIndex, type MemoryIndex } from '../../core/signature/index.js';
import { SceneFile, type RecordVisitor } from './scene-file.js';
import { validateEntry, validateVector } from './validate.js';
import { VectorCache } from './vector-cache.js';
import { systemClock, type SignatureStore, type StoreOptions } from './types.js';

export interface EmbeddedStoreOptions extends StoreOptions {
  dir: string;
}

export function openEmbeddedStore(opts: EmbeddedStoreOptions): SignatureStore {
  const clock = opts.clock ?? systemClock;
  const dim = opts.lsh.dim;
  mkdirSync(opts.dir, { recursive: true });
  const nsFile = join(opts.dir, 'namespace');
  assertNamespace(existsSync(nsFile) ? readFileSync(nsFile, 'utf8').trim() : null, opts.namespace, `the embedded store in ${opts.dir}`, `remove that folder`);
  writeFileSync(nsFile, opts.namespace + '\n');

  const cache = new VectorCache(dim);
  const source = {
    vector: (slot: number) => cache.get(slot, (into) => file.readVector(slot, into)),
    describe: (slot: number) => {
      const { key, mnemonic } = file.readDetails(slot);
      return { key, mnemonic };
    },
  };
  let index: MemoryIndex = createMemoryIndex(opts.lsh, source);
  const indexRecord: RecordVisitor = (slot, vector, details) => index.put(details.sceneId, slot, vector, details.expiresAt);
  const file = SceneFile.open(join(opts.dir, 'scenes.bin'), dim, indexRecord);
  let written = 0;

  const store: SignatureStore = {
    namespace: opts.namespace,
    async put(entry) {
      validateEntry(entry, opts.modelId, dim);
      const expiresAt = opts.ttlSeconds > 0 ? clock.now() + opts.ttlSeconds * 1000 : null;
      const { sceneId, key, mnemonic, modelId, meta, vector } = entry;
      const slot = file.append(vector, { sceneId, key, mnemonic, modelId, meta, expiresAt });
      index.put(sceneId, slot, vector, expiresAt);
      cache.put(slot, vector);
      written++;
    },
    async lookup(vector, k) {
      return (await store.lookupWithStats(vector, k)).matches;
    },
    async lookupWithStats(vector, k, threshold = opts.threshold) {
      validateVector(vector, dim);
      return index.lookup(vector, k, threshold, clock.now(), opts.probes ?? 0);
    },
    async prune() {
      const removed = index.pruneExpired(clock.now());
      const live = index.liveSlots();
      // Compaction renumbers the slots: the index and the cache start over from the rewritten file.
      index = createMemoryIndex(opts.lsh, source);
      cache.clear();
      file.compact(live, indexRecord);
      return removed;
    },
    stats: () => ({ written, queued: 0, retries: 0, pending: 0 }),
    async close() {
      file.close();
    },
  };
  return store;
}
