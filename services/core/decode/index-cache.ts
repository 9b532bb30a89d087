/**
 * What decoding precomputes once per set of dependencies: the images of the phrase books as lemma sequences
 * (so «туман тела» is read as one mention), and the concepts' vectors for matching by meaning.
 */
import { LruCache } from '../morph/lru.js';
import type { ConceptPort } from '../render/index.js';
import type { DecodeDeps, Match } from './types.js';

export interface DecodeIndex {
  /** Lemma sequence joined by spaces → concept id, per language; the longest sequence is tried first. */
  phrases: Record<'ru' | 'en', Map<string, string>>;
  longestPhrase: number;
  conceptVectors: { id: string; vector: Float32Array }[];
  /** Nearest concept of each lemma already looked up (null: none above the threshold); renderings reuse words. */
  nearest: LruCache<string, { id: string; cos: number } | null>;
  /** Match of each word already read, keyed by language and spelling (null: the word names no concept). */
  words: LruCache<string, Readonly<Match> | null>;
  /** Lemma of each word already read in a phrase window, keyed likewise. */
  lemmas: LruCache<string, string>;
}

/** Bounds each memo: the vocabulary of a long run is open-ended, the words renderings reuse are not. */
const MEMO_MAX = 50_000;

const cache = new WeakMap<DecodeDeps, DecodeIndex>();

export function lemmaSequence(phrase: string, lang: 'ru' | 'en', deps: DecodeDeps): string {
  return (phrase.toLowerCase().match(/[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu) ?? [])
    .map((w) => deps.morph.lemmatize(w, lang))
    .join(' ');
}

function mean(vectors: Float32Array[]): Float32Array | null {
  if (vectors.length === 0) return null;
  const out = new Float32Array(vectors[0]!.length);
  for (const v of vectors) for (let i = 0; i < out.length; i++) out[i]! += v[i]!;
  let norm = 0;
  for (const x of out) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}

function conceptVector(concept: ConceptPort, deps: DecodeDeps): Float32Array | null {
  const vectors = [concept.ru, concept.en]
    .filter(Boolean)
    .map((w) => deps.vectors!.lemmaVector(w.toLowerCase()))
    .filter((v): v is Float32Array => v !== null);
  return mean(vectors);
}

export function decodeIndex(deps: DecodeDeps): DecodeIndex {
  const known = cache.get(deps);
  if (known) return known;
  const phrases: DecodeIndex['phrases'] = { ru: new Map(), en: new Map() };
  let longestPhrase = 1;
  for (const lang of ['ru', 'en'] as const) {
    const images = deps.books?.[lang].images ?? {};
    for (const [label, words] of Object.entries(images)) {
      const concept = deps.lexicon.byLemma(label, lang);
      if (!concept) continue;
      for (const phrase of words) {
        const seq = lemmaSequence(phrase, lang, deps);
        const named = deps.lexicon.byLemma(phrase, lang);
        // A word the lexicon gives to another concept stays that concept's.
        if (!seq || (named && named.id !== concept.id) || phrases[lang].has(seq)) continue;
        phrases[lang].set(seq, concept.id);
        longestPhrase = Math.max(longestPhrase, seq.split(' ').length);
      }
    }
  }
  const conceptVectors = deps.vectors
    ? deps.lexicon.concepts.flatMap((c) => {
        const vector = conceptVector(c, deps);
        return vector ? [{ id: c.id, vector }] : [];
      })
    : [];
  const index: DecodeIndex = { phrases, longestPhrase, conceptVectors, nearest: new LruCache(MEMO_MAX), words: new LruCache(MEMO_MAX), lemmas: new LruCache(MEMO_MAX) };
  cache.set(deps, index);
  return index;
}
