/**
 * Query-directed multi-probe (Lv et al., "Multi-Probe LSH", VLDB 2007), for hyperplane bits: a near neighbour
 * that missed the query's bucket in a band most likely fell on the other side of the hyperplanes passing
 * closest to the query. A probe flips a set of bits of one band; its score is the summed distance of the query
 * to the flipped hyperplanes, and probes are taken in increasing score across all bands, so the budget goes to
 * the likeliest buckets of whichever band has them instead of the same number of flips in every band.
 */

export interface Probe {
  band: number;
  /** Bits to flip in the band's own bucket (bit r is row r). */
  flips: number;
  /** Summed distance of the query to the flipped hyperplanes. */
  score: number;
}

/**
 * A flip set of one band as positions in the band's rows sorted by distance: `mask` holds the rows, `last` the
 * highest position in it. From a set, "shift" moves its last position one further and "expand" adds the next
 * one; starting from {0} of each band this generates every non-empty set exactly once, each after the set it
 * came from, and no set scores lower than the set it came from, so a heap yields them in score order.
 */
interface FlipSet {
  band: number;
  mask: number;
  last: number;
  score: number;
}

/**
 * The `count` lowest-scoring probes over all bands, best first. `distances[b * rows + r]` is the query's
 * distance to the hyperplane of row r of band b (non-negative).
 */
export function probeSequence(distances: Float64Array, bands: number, rows: number, count: number): Probe[] {
  const order: Uint8Array[] = [];
  for (let b = 0; b < bands; b++) {
    const rowsByDistance = Array.from({ length: rows }, (_, r) => r).sort((x, y) => distances[b * rows + x]! - distances[b * rows + y]!);
    order.push(Uint8Array.from(rowsByDistance));
  }
  const distanceAt = (band: number, position: number) => distances[band * rows + order[band]![position]!]!;
  const bit = (band: number, position: number) => (1 << order[band]![position]!) >>> 0;

  const heap = createHeap();
  for (let b = 0; b < bands; b++) heap.push({ band: b, mask: bit(b, 0), last: 0, score: distanceAt(b, 0) });
  const probes: Probe[] = [];
  while (probes.length < count && heap.size > 0) {
    const set = heap.pop();
    probes.push({ band: set.band, flips: set.mask, score: set.score });
    const next = set.last + 1;
    if (next >= rows) continue;
    const add = distanceAt(set.band, next);
    const nextBit = bit(set.band, next);
    heap.push({ band: set.band, mask: ((set.mask ^ bit(set.band, set.last)) | nextBit) >>> 0, last: next, score: set.score - distanceAt(set.band, set.last) + add });
    heap.push({ band: set.band, mask: (set.mask | nextBit) >>> 0, last: next, score: set.score + add });
  }
  return probes;
}

/** A binary min-heap of flip sets by score. */
function createHeap() {
  const items: FlipSet[] = [];
  const less = (i: number, j: number) => items[i]!.score < items[j]!.score;
  const swap = (i: number, j: number) => ([items[i], items[j]] = [items[j]!, items[i]!]);
  return {
    get size() {
      return items.length;
    },
    push(item: FlipSet) {
      items.push(item);
      for (let i = items.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!less(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    },
    pop(): FlipSet {
      const top = items[0]!;
      const last = items.pop()!;
      if (items.length > 0) {
        items[0] = last;
        for (let i = 0; ; ) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < items.length && less(l, m)) m = l;
          if (r < items.length && less(r, m)) m = r;
          if (m === i) break;
          swap(i, m);
          i = m;
        }
      }
      return top;
    },
  };
}
