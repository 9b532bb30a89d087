/**
 * The embedded signature store: the same banded index as Redis, in memory, persisted under HB_DATA_DIR as an
 * append-only log (one JSON line per write, vector as base64 float32) that is replayed on open and compacted
 * by prune().
 */
import { mkdirSync, readFileSync, existsSync, writeFileSync, renameSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertNamespace, createMemoryIndex, type IndexedScene } from '../../core/signature/index.js';
import { decodeVector, encodeVector } from './codec.js';
import { validateEntry, validateVector } from './validate.js';
import { systemClock, type SignatureStore, type StoreOptions } from './types.js';

export interface EmbeddedStoreOptions extends StoreOptions {
  dir: string;
}

interface LogLine {
  id: string;
  k: string;
  m: string;
  md: string;
  meta: Record<string, unknown>;
  x: number | null;
  v: string;
}

const toLine = (s: IndexedScene): string =>
  JSON.stringify({ id: s.sceneId, k: s.key, m: s.mnemonic, md: s.modelId, meta: s.meta, x: s.expiresAt, v: encodeVector(s.vector).toString('base64') } satisfies LogLine) + '\n';

function fromLine(line: string, dim: number): IndexedScene | null {
  try {
    const l = JSON.parse(line) as LogLine;
    return { sceneId: l.id, key: l.k, mnemonic: l.m, modelId: l.md, meta: l.meta, expiresAt: l.x, vector: decodeVector(Buffer.from(l.v, 'base64'), dim) };
  } catch {
    // A line cut short by a crash mid-append; the scene is re-indexed when its message is replayed.
    return null;
  }
}

export function openEmbeddedStore(opts: EmbeddedStoreOptions): SignatureStore {
  const clock = opts.clock ?? systemClock;
  const dim = opts.lsh.dim;
  mkdirSync(opts.dir, { recursive: true });
  const nsFile = join(opts.dir, 'namespace');
  const logFile = join(opts.dir, 'scenes.jsonl');
  assertNamespace(existsSync(nsFile) ? readFileSync(nsFile, 'utf8').trim() : null, opts.namespace, `the embedded store in ${opts.dir}`);
  writeFileSync(nsFile, opts.namespace + '\n');

  const index = createMemoryIndex(opts.lsh);
  if (existsSync(logFile)) {
    for (const line of readFileSync(logFile, 'utf8').split('\n')) {
      const scene = line ? fromLine(line, dim) : null;
      if (scene) index.put(scene);
    }
  }

  // Appends are chained so lines never interleave.
  let tail: Promise<void> = Promise.resolve();
  let written = 0;

  const store: SignatureStore = {
    namespace: opts.namespace,
    async put(entry) {
      validateEntry(entry, opts.modelId, dim);
      const scene: IndexedScene = {
        sceneId: entry.sceneId,
        key: entry.key,
        mnemonic: entry.mnemonic,
        vector: entry.vector,
        modelId: entry.modelId,
        meta: entry.meta,
        expiresAt: opts.ttlSeconds > 0 ? clock.now() + opts.ttlSeconds * 1000 : null,
      };
      index.put(scene);
      const line = toLine(scene);
      tail = tail.then(() => appendFile(logFile, line));
      await tail;
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
      await tail;
      const tmp = `${logFile}.tmp`;
      writeFileSync(tmp, Array.from(index.entries(), toLine).join(''));
      renameSync(tmp, logFile);
      return removed;
    },
    stats: () => ({ written, queued: 0, retries: 0, pending: 0 }),
    async close() {
      await tail;
    },
  };
  return store;
}
