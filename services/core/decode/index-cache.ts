/**
 * What decoding precomputes once per set of dependencies: the images of the phrase books as lemma sequences
 * (so «туман тела» is read as one mention), the lemmas of the books' frames, and the concepts' vectors for
 * matching by meaning.
 */
import { LruCache } from '../morph/lru.js';
import { frameTexts, type ConceptPort } from '../render/index.js';
import type { DecodeDeps, Match } from './types.js';

export interface DecodeIndex {
  /** Lemma sequence joined by spaces → concept id, per language; the longest sequence is tried first. */
  phrases: Record<'ru' | 'en', Map<string, string>>;
  longestPhrase: number;
  /**
   * What a word's lemma may be at the start of a phrase of two words or more: each phrase's lemma sequence up to
   * any of its spaces. A word whose lemma is none of these starts no phrase, and its windows are not tried.
   */
  phraseStarts: Record<'ru' | 'en', Set<string>>;
  /**
   * The lemmas of every word the books' templates put around the concepts, per language; null without books.
   * A word that names no concept and is none of these can only have come from the scene: a free component.
   */
  frameLemmas: Record<'ru' | 'en', Set<string>> | null;
  concepts: ConceptMatrix | null;
  /** Nearest concept of each lemma already looked up, keyed by threshold and lemma (null: none reaches it); renderings reuse words. */
  nearest: LruCache<string, { id: string; cos: number } | null>;
  /**
   * Match of each word already read, per language, keyed by spelling (null: the word names no concept). One
   * memo per language keys by the word itself: a composite key would be a new string to hash on every look-up.
   */
  words: Record<'ru' | 'en', LruCache<string, Readonly<Match> | null>>;
  /** Lemma of each word already read in a phrase window, kept likewise. */
  lemmas: Record<'ru' | 'en', LruCache<string, string>>;
}

/** Bounds each memo (per language): the vocabulary of a long run is open-ended, the words renderings reuse are not. */
const MEMO_MAX = 50_000;

const cache = new WeakMap<DecodeDeps, DecodeIndex>();

/**
 * The concepts' vectors as one row per concept, for the nearest-concept scan, with each row's norm from every
 * checkpoint coordinate on: by Cauchy–Schwarz a row's partial dot product plus the product of the two rows'
 * remaining norms bounds its cosine, so a row that cannot reach the threshold (or the best so far) is dropped
 * before its last coordinates.
 */
export interface ConceptMatrix {
  ids: string[];
  dim: number;
  rows: Float32Array;
  checkpoints: number[];
  /** `tails[row * checkpoints.length + c]`: the norm of the row's coordinates from `checkpoints[c]` on. */
  tails: Float64Array;
}

/** Every quarter of the dimensions (the scan's partial sums are checked there). */
const CHECKPOINTS_PER_ROW = 3;

export function tailNorms(vector: Float32Array, offset: number, dim: number, checkpoints: number[], out: Float64Array, at: number): void {
  for (let c = 0; c < checkpoints.length; c++) {
    let sum = 0;
    for (let i = checkpoints[c]!; i < dim; i++) sum += vector[offset + i]! * vector[offset + i]!;
    out[at + c] = Math.sqrt(sum);
  }
}

function conceptMatrix(vectors: { id: string; vector: Float32Array }[]): ConceptMatrix | null {
  if (vectors.length === 0) return null;
  const dim = vectors[0]!.vector.length;
  const checkpoints = Array.from({ length: CHECKPOINTS_PER_ROW }, (_, c) => Math.floor(((c + 1) * dim) / (CHECKPOINTS_PER_ROW + 1))).filter((k) => k > 0 && k < dim);
  const rows = new Float32Array(vectors.length * dim);
  const tails = new Float64Array(vectors.length * checkpoints.length);
  vectors.forEach(({ vector }, r) => {
    rows.set(vector, r * dim);
    tailNorms(rows, r * dim, dim, checkpoints, tails, r * checkpoints.length);
  });
  return { ids: vectors.map((v) => v.id), dim, rows, checkpoints, tails };
}

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
  const phraseStarts: DecodeIndex['phraseStarts'] = { ru: new Set(), en: new Set() };
  const frameLemmas: DecodeIndex['frameLemmas'] = deps.books ? { ru: new Set(), en: new Set() } : null;
  let longestPhrase = 1;
  for (const lang of ['ru', 'en'] as const) {
    const book = deps.books?.[lang];
    if (book && frameLemmas) for (const frame of frameTexts(book)) for (const lemma of lemmaSequence(frame, lang, deps).split(' ')) frameLemmas[lang].add(lemma);
    const images = book?.images ?? {};
    for (const [label, words] of Object.entries(images)) {
      const concept = deps.lexicon.byLemma(label, lang);
      if (!concept) continue;
      for (const phrase of words) {
        const seq = lemmaSequence(phrase, lang, deps);
        const named = deps.lexicon.byLemma(phrase, lang);
        // A word the lexicon gives to another concept stays that concept's.
        if (!seq || (named && named.id !== concept.id) || phrases[lang].has(seq)) continue;
        phrases[lang].set(seq, concept.id);
        for (let space = seq.indexOf(' '); space >= 0; space = seq.indexOf(' ', space + 1)) phraseStarts[lang].add(seq.slice(0, space));
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
  const perLanguage = <V>() => ({ ru: new LruCache<string, V>(MEMO_MAX), en: new LruCache<string, V>(MEMO_MAX) });
  const index: DecodeIndex = { phrases, longestPhrase, phraseStarts, frameLemmas, concepts: conceptMatrix(conceptVectors), nearest: new LruCache(MEMO_MAX), words: perLanguage(), lemmas: perLanguage() };
  cache.set(deps, index);
  return index;
}
