/** How close a decoded scene is to the original: set overlap, order, and meaning. */
import type { Component } from '../types.js';
import { conceptOf, type LexiconPort, type LemmaVectorsPort } from '../render/index.js';
import { LruCache } from '../morph/lru.js';
import { FREE_PREFIX } from '../decode/index.js';

/** A component's identity across languages: its concept id, or its lemma when it has no concept. */
export function identities(components: Component[], lexicon: LexiconPort): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of components) {
    const id = conceptOf(c, lexicon)?.id ?? `${FREE_PREFIX}${c.lemma.toLowerCase()}`;
    if (!seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  }
  return out;
}

export function recallPrecision(original: string[], decoded: string[]): { recall: number; precision: number } {
  const back = new Set(decoded);
  const hits = original.filter((id) => back.has(id)).length;
  return {
    recall: original.length === 0 ? 1 : hits / original.length,
    precision: decoded.length === 0 ? (original.length === 0 ? 1 : 0) : hits / decoded.length,
  };
}

/**
 * Kendall's τ between the original order and the decoded order of the concepts both share; 1 when fewer than
 * two are shared (nothing can be out of order).
 */
export function kendallTau(original: string[], decoded: string[]): number {
  const position = new Map(decoded.map((id, i) => [id, i]));
  const shared = original.filter((id) => position.has(id));
  if (shared.length < 2) return 1;
  let concordant = 0;
  let discordant = 0;
  for (let i = 0; i < shared.length; i++) {
    for (let j = i + 1; j < shared.length; j++) {
      if (position.get(shared[i]!)! < position.get(shared[j]!)!) concordant++;
      else discordant++;
    }
  }
  return (concordant - discordant) / (concordant + discordant);
}

/**
 * Bounds the memo of identities' word vectors (about 1 KB each): decoded scenes bring an open-ended vocabulary
 * of lemmas, while the concepts that recur in every scene are about a thousand.
 */
const IDENTITY_MEMO_MAX = 5_000;

/** The word vectors of each identity already met, per model and lexicon: every scene repeats the same concepts. */
const identityVectors = new WeakMap<LemmaVectorsPort, WeakMap<LexiconPort, LruCache<string, Float32Array[]>>>();

function memoOf(vectors: LemmaVectorsPort, lexicon: LexiconPort): LruCache<string, Float32Array[]> {
  let byLexicon = identityVectors.get(vectors);
  if (!byLexicon) identityVectors.set(vectors, (byLexicon = new WeakMap()));
  let memo = byLexicon.get(lexicon);
  if (!memo) byLexicon.set(lexicon, (memo = new LruCache(IDENTITY_MEMO_MAX)));
  return memo;
}

/** The vectors of an identity's words: a concept's Russian and English lemma, or the lemma itself. */
function vectorsOfIdentity(id: string, lexicon: LexiconPort, vectors: LemmaVectorsPort): Float32Array[] {
  return memoOf(vectors, lexicon).remember(id, () => {
    const concept = lexicon.get(id);
    return (concept ? [concept.ru, concept.en].filter(Boolean) : [id.slice(FREE_PREFIX.length)])
      .map((w) => vectors.lemmaVector(w.toLowerCase()))
      .filter((v): v is Float32Array => v !== null);
  });
}

function sameSequence(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Cosine of the mean word vectors of the two scenes' concepts; null without a meaning model. */
export function sceneCosine(original: string[], decoded: string[], lexicon: LexiconPort, vectors: LemmaVectorsPort | null | undefined): number | null {
  if (!vectors) return null;
  const meanOf = (ids: string[]): Float32Array | null => {
    const list = ids.flatMap((id) => vectorsOfIdentity(id, lexicon, vectors));
    if (list.length === 0) return null;
    const out = new Float32Array(list[0]!.length);
    for (const v of list) for (let i = 0; i < out.length; i++) out[i]! += v[i]!;
    return out;
  };
  const a = meanOf(original);
  // A rendering that decodes back to the very same concepts has the very same sum: computed once.
  const b = sameSequence(original, decoded) ? a : meanOf(decoded);
  if (!a || !b) return null;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? null : dot / Math.sqrt(na * nb);
}
