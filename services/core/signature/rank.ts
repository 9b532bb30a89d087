/**
 * Exact re-rank of LSH candidates: both store adapters gather candidates their own way and rank them here,
 * so the embedded store and Redis answer the same query with the same matches.
 */
import { cosine } from './vector.js';

export interface Candidate {
  sceneId: string;
  mnemonic: string;
  key: string;
  vector: Float32Array;
}

export interface Match {
  sceneId: string;
  mnemonic: string;
  key: string;
  similarity: number;
}

/** Match order: best similarity first, ties broken by scene id so results are stable. */
export function compareMatches(a: { sceneId: string; similarity: number }, b: { sceneId: string; similarity: number }): number {
  return b.similarity - a.similarity || (a.sceneId < b.sceneId ? -1 : a.sceneId > b.sceneId ? 1 : 0);
}

/** Top k by cosine at or above `threshold`, best first; ties broken by scene id so results are stable. */
export function rankCandidates(query: Float32Array, candidates: Iterable<Candidate>, k: number, threshold: number): Match[] {
  const scored: Match[] = [];
  for (const c of candidates) {
    const similarity = cosine(query, c.vector);
    if (similarity >= threshold) scored.push({ sceneId: c.sceneId, mnemonic: c.mnemonic, key: c.key, similarity });
  }
  scored.sort(compareMatches);
  return scored.slice(0, Math.max(0, k));
}
