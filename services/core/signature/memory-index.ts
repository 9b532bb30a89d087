/**
 * The signature index held in memory: band key → scene ids, scene id → entry. The embedded store persists it;
 * the Redis adapter keeps the same layout in Redis. Expiry is checked against the caller's clock so the core
 * stays free of time and I/O.
 */
import type { Lsh } from './lsh.js';
import { rankCandidates, type Candidate, type Match } from './rank.js';

export interface IndexedScene extends Candidate {
  modelId: string;
  meta: Record<string, unknown>;
  /** Epoch ms after which the scene no longer answers lookups; null keeps it. */
  expiresAt: number | null;
}

export interface LookupResult {
  matches: Match[];
  /** Cosine evaluations made (distinct live candidates from the bands). */
  candidates: number;
}

export interface MemoryIndex {
  readonly size: number;
  put(scene: IndexedScene): void;
  /** `probes`: extra buckets per band (see Lsh.probeKeys); 0 looks in each band's own bucket only. */
  lookup(vector: Float32Array, k: number, threshold: number, now: number, probes?: number): LookupResult;
  /** Removes scenes expired at `now`; returns how many. */
  pruneExpired(now: number): number;
  entries(): IterableIterator<IndexedScene>;
}

const isLive = (s: IndexedScene, now: number): boolean => s.expiresAt === null || s.expiresAt > now;

export function createMemoryIndex(lsh: Lsh): MemoryIndex {
  const bands = new Map<string, Set<string>>();
  const scenes = new Map<string, { scene: IndexedScene; keys: string[] }>();

  function remove(sceneId: string): void {
    const old = scenes.get(sceneId);
    if (!old) return;
    for (const key of old.keys) {
      const set = bands.get(key);
      set?.delete(sceneId);
      if (set?.size === 0) bands.delete(key);
    }
    scenes.delete(sceneId);
  }

  return {
    get size() {
      return scenes.size;
    },
    put(scene) {
      const keys = lsh.bandKeys(scene.vector);
      remove(scene.sceneId);
      scenes.set(scene.sceneId, { scene, keys });
      for (const key of keys) {
        let set = bands.get(key);
        if (!set) bands.set(key, (set = new Set()));
        set.add(scene.sceneId);
      }
    },
    lookup(vector, k, threshold, now, probes = 0) {
      const ids = new Set<string>();
      for (const key of lsh.probeKeys(vector, probes)) for (const id of bands.get(key) ?? []) ids.add(id);
      const live: IndexedScene[] = [];
      for (const id of ids) {
        const s = scenes.get(id)!.scene;
        if (isLive(s, now)) live.push(s);
      }
      return { matches: rankCandidates(vector, live, k, threshold), candidates: live.length };
    },
    pruneExpired(now) {
      let removed = 0;
      for (const [id, { scene }] of scenes) {
        if (!isLive(scene, now)) {
          remove(id);
          removed++;
        }
      }
      return removed;
    },
    *entries() {
      for (const { scene } of scenes.values()) yield scene;
    },
  };
}
