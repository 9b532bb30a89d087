/**
 * The signature index held in memory, compactly: each scene is a numbered slot (the store numbers them: the
 * embedded store uses its record numbers on disk), each band bucket a packed list of slots, expiry a packed
 * list of times. Vectors and the scenes' key and mnemonic stay with the store and are read back through a
 * SceneSource: vectors of the candidates a lookup re-ranks, key and mnemonic of the matches it returns. Memory
 * per scene is its id and a few dozen bytes, whatever the vector dimension. The core stays free of time and
 * I/O: expiry is checked against the caller's clock, reading is the source's business.
 */
import { HyperBridgeError } from '../../lib/errors.js';
import type { Lsh } from './lsh.js';
import { compareMatches, type Match } from './rank.js';
import { float64List, slotList, type PackedList } from './packed-list.js';
import { cosine } from './vector.js';

/** Where the index reads back what it does not keep. */
export interface SceneSource {
  /** The vector of the scene in `slot`; the index is done with it before it asks for another one. */
  vector(slot: number): Float32Array;
  describe(slot: number): { key: string; mnemonic: string };
}

export interface LookupResult {
  matches: Match[];
  /** Cosine evaluations made (distinct live candidates from the bands). */
  candidates: number;
}

export interface MemoryIndex {
  readonly size: number;
  /** Indexes `sceneId` at `slot`, replacing the slot it held before. Slots are numbered 0, 1, … in the order of the puts. */
  put(sceneId: string, slot: number, vector: Float32Array, expiresAt: number | null): void;
  /** `probes`: extra buckets over all bands (see Lsh.probeKeys); 0 looks in each band's own bucket only. */
  lookup(vector: Float32Array, k: number, threshold: number, now: number, probes?: number): LookupResult;
  /** Removes scenes expired at `now`; returns how many. */
  pruneExpired(now: number): number;
  /** The slots of the scenes held, in slot order. */
  liveSlots(): number[];
}

export function createMemoryIndex(lsh: Lsh, source: SceneSource): MemoryIndex {
  const buckets = new Map<string, PackedList<Uint32Array>>();
  const slotOf = new Map<string, number>();
  /** Scene id per slot; null once the slot was replaced or pruned. */
  const sceneIds: (string | null)[] = [];
  /** Epoch ms after which a slot no longer answers; Infinity keeps it. */
  const expiries = float64List(1024);
  /** Slots replaced or pruned but still listed in buckets; swept out of all buckets at once when they outnumber the live ones. */
  let stale = 0;

  const isLive = (slot: number, now: number): boolean => sceneIds[slot] !== null && expiries.get(slot) > now;

  function release(slot: number): void {
    slotOf.delete(sceneIds[slot]!);
    sceneIds[slot] = null;
    stale++;
  }

  function sweep(): void {
    for (const [key, list] of buckets) {
      list.retain((slot) => sceneIds[slot] !== null);
      if (list.length === 0) buckets.delete(key);
    }
    stale = 0;
  }

  return {
    get size() {
      return slotOf.size;
    },
    put(sceneId, slot, vector, expiresAt) {
      if (slot !== sceneIds.length) throw new HyperBridgeError('HB_ERR_INTERNAL', 'signature', `slot ${slot} put out of turn: the index holds ${sceneIds.length} slots`);
      const old = slotOf.get(sceneId);
      if (old !== undefined) release(old);
      sceneIds.push(sceneId);
      expiries.push(expiresAt ?? Infinity);
      slotOf.set(sceneId, slot);
      for (const key of lsh.bandKeys(vector)) {
        let list = buckets.get(key);
        if (!list) buckets.set(key, (list = slotList()));
        list.push(slot);
      }
      if (stale > slotOf.size) sweep();
    },
    lookup(vector, k, threshold, now, probes = 0) {
      const candidates = new Set<number>();
      for (const key of lsh.probeKeys(vector, probes)) {
        const list = buckets.get(key);
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const slot = list.get(i);
          if (isLive(slot, now)) candidates.add(slot);
        }
      }
      const scored: { slot: number; sceneId: string; similarity: number }[] = [];
      for (const slot of candidates) {
        const similarity = cosine(vector, source.vector(slot));
        if (similarity >= threshold) scored.push({ slot, sceneId: sceneIds[slot]!, similarity });
      }
      scored.sort(compareMatches);
      const matches = scored.slice(0, Math.max(0, k)).map(({ slot, sceneId, similarity }) => ({ sceneId, ...source.describe(slot), similarity }));
      return { matches, candidates: candidates.size };
    },
    pruneExpired(now) {
      let removed = 0;
      for (const slot of slotOf.values()) {
        if (!isLive(slot, now)) {
          release(slot);
          removed++;
        }
      }
      if (removed > 0) sweep();
      return removed;
    },
    liveSlots() {
      return [...slotOf.values()].sort((a, b) => a - b);
    },
  };
}
