/**
 * Best segmentation of one run of letters by dynamic programming (Viterbi over a unigram model), not greedy
 * longest match: `столбуря` is стол|буря because P(стол)·P(буря) beats anything that starts with столб.
 * Work is linear: from each position the trie walk stops at the longest dictionary prefix (at most the
 * longest word), and unknown pieces are a second DP state whose cost grows per character, so they take one
 * step per position whatever their length. `stats.steps` counts both.
 */
import type { LanguageModel, SegmentParams } from './model.js';

export interface SegmentStats {
  steps: number;
}

export interface Split {
  /** Offsets into the form string: piece k is form.slice(bounds[k], bounds[k + 1]). */
  bounds: number[];
  /** Whether each piece is a dictionary word. */
  known: boolean[];
  /** Total score of the best path. */
  score: number;
}

export function knownPieceScore(logProb: number, length: number, params: SegmentParams): number {
  const [one, two] = params.shortPieceCost;
  return logProb - params.pieceCost - (length === 1 ? one : length === 2 ? two : 0);
}

export function unknownPieceScore(length: number, params: SegmentParams): number {
  return params.unknownBase - params.unknownPerChar * length - params.pieceCost;
}

/** The score the model gives one particular split (of matching forms), as bestSplit counts it. */
export function splitScore(pieces: readonly string[], model: LanguageModel, params: SegmentParams): number {
  let total = 0;
  for (const piece of pieces) {
    const logProb = model.trie.score(piece);
    total += Number.isNaN(logProb)
      ? unknownPieceScore(piece.length, params)
      : Math.max(knownPieceScore(logProb, piece.length, params), unknownPieceScore(piece.length, params));
  }
  return total;
}

/** Work arrays, reused from call to call (allocating them cost more than the search on short couplings). */
class Scratch {
  best = new Float64Array(0);
  from = new Int32Array(0);
  known = new Uint8Array(0);
  /** Best path whose last piece is unknown and ends at j, and where that piece starts. */
  unknown = new Float64Array(0);
  unknownStart = new Int32Array(0);

  reset(size: number): this {
    if (this.best.length < size) {
      const capacity = Math.max(size, this.best.length * 2, 64);
      this.best = new Float64Array(capacity);
      this.from = new Int32Array(capacity);
      this.known = new Uint8Array(capacity);
      this.unknown = new Float64Array(capacity);
      this.unknownStart = new Int32Array(capacity);
    }
    this.best.fill(Number.NEGATIVE_INFINITY, 0, size);
    this.unknown.fill(Number.NEGATIVE_INFINITY, 0, size);
    return this;
  }
}

const scratch = new Scratch();

export function bestSplit(form: string, model: LanguageModel, params: SegmentParams, stats?: SegmentStats): Split {
  const n = form.length;
  const { best, from, known, unknown, unknownStart } = scratch.reset(n + 1);
  best[0] = 0;
  const { trie } = model;
  const startUnknown = params.unknownBase - params.pieceCost;
  let steps = 0;
  for (let i = 0; i < n; i++) {
    // Unknown piece over character i: a new one, or the one ending at i grown by a character.
    steps++;
    const fresh = best[i] + startUnknown;
    if (fresh >= unknown[i]) (unknown[i + 1] = fresh - params.unknownPerChar), (unknownStart[i + 1] = i);
    else (unknown[i + 1] = unknown[i] - params.unknownPerChar), (unknownStart[i + 1] = unknownStart[i]);
    relax(i + 1, unknown[i + 1], unknownStart[i + 1], false);
    // Dictionary words starting at i.
    let node = 0;
    const lookahead = Math.min(n, i + model.maxWordLength);
    for (let j = i; j < lookahead; j++) {
      steps++;
      node = trie.child(node, form.charCodeAt(j));
      if (node === -1) break;
      const logProb = trie.scoreAt(node);
      if (logProb === logProb) relax(j + 1, best[i] + knownPieceScore(logProb, j + 1 - i, params), i, true);
    }
  }
  if (stats) stats.steps += steps;
  const bounds: number[] = [];
  const knownPieces: boolean[] = [];
  for (let end = n; end > 0; end = from[end]) {
    bounds.push(end);
    knownPieces.push(known[end] === 1);
  }
  bounds.push(0);
  return { bounds: bounds.reverse(), known: knownPieces.reverse(), score: best[n] };

  function relax(end: number, total: number, start: number, isKnown: boolean): void {
    if (total > best[end]) {
      best[end] = total;
      from[end] = start;
      known[end] = isKnown ? 1 : 0;
    }
  }
}
