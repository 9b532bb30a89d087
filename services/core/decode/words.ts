/**
 * Reading concepts out of words and emoji: longest phrase of the phrase books' images first, then the lexicon
 * by lemma, then the meaning model's nearest concept above a threshold; a word none of these reads is a free
 * component when no template could have put it there (see freeLemma). Function words never carry concepts.
 */
import type { DecodeDeps, Match } from './types.js';
import { graphemes } from '../text/graphemes.js';
import { decodeIndex, tailNorms, type DecodeIndex } from './index-cache.js';

interface Token {
  text: string;
  kind: 'word' | 'emoji';
  lang: 'ru' | 'en';
}

const LETTER = /[\p{L}\p{M}'’-]/u;
const SYMBOL = /\p{Extended_Pictographic}|\p{So}|\p{Regional_Indicator}/u;
const MEANING_POS = new Set(['NOUN', 'ADVB']);
// Chosen on the shipped static model (hb-static-full-v1): lower thresholds read many of the phrase books' frame
// words as concepts (193 matches at 0.62, 22 at 0.85) while recovering few unknown synonyms (48 and 14 of 225).
const DEFAULT_MEANING_THRESHOLD = 0.85;

/** How a single-code-unit grapheme takes part in words: 1 letter, 2 symbol, 3 neither (0: not classified yet). */
const UNIT_ROLE = new Uint8Array(0x10000);
const LETTER_ROLE = 1;
const SYMBOL_ROLE = 2;
const OTHER_ROLE = 3;

function roleOf(grapheme: string): number {
  if (SYMBOL.test(grapheme)) return SYMBOL_ROLE;
  return LETTER.test(grapheme) ? LETTER_ROLE : OTHER_ROLE;
}

/** Texts repeat a small alphabet: single code units are classified once, clusters (emoji, marks) each time. */
function graphemeRole(grapheme: string): number {
  if (grapheme.length !== 1) return roleOf(grapheme);
  const unit = grapheme.charCodeAt(0);
  return (UNIT_ROLE[unit] ||= roleOf(grapheme));
}

/** Apostrophes and hyphens join a word's parts but never start or end it. */
const isWordJoiner = (unit: number): boolean => unit === 0x27 || unit === 0x2019 || unit === 0x2d;

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  // A word is one slice of the text (its graphemes are contiguous): a flat string, cheaper to hash as a memo
  // key than one grown grapheme by grapheme.
  let start = -1;
  let end = -1;
  const flush = (): void => {
    while (start < end && isWordJoiner(text.charCodeAt(start))) start++;
    while (end > start && isWordJoiner(text.charCodeAt(end - 1))) end--;
    if (start < end) {
      const word = text.slice(start, end);
      tokens.push({ text: word, kind: 'word', lang: /[а-яё]/iu.test(word) ? 'ru' : 'en' });
    }
    start = end = -1;
  };
  for (const { text: segment, index } of graphemes(text)) {
    const role = graphemeRole(segment);
    if (role === LETTER_ROLE) {
      if (start < 0) start = index;
      end = index + segment.length;
      continue;
    }
    flush();
    if (role === SYMBOL_ROLE) tokens.push({ text: segment, kind: 'emoji', lang: 'ru' });
  }
  flush();
  return tokens;
}

function lemmasOf(word: string, lang: 'ru' | 'en', deps: DecodeDeps): string[] {
  const lower = word.toLowerCase();
  const out = [deps.morph.lemmatize(lower, lang), ...deps.morph.analyze(lower, lang).map((a) => a.lemma), lower];
  return [...new Set(out)];
}

/** Slack on the scan's bound: the partial sums and norms are rounded, the bound must never fall below the sum. */
const BOUND_SLACK = 1e-9;

/**
 * The concept nearest to the lemma when its cosine reaches `threshold` (null otherwise): the first concept
 * of greatest cosine, each cosine summed coordinate by coordinate from the first, so the value is the same
 * whether or not rows were dropped on the way (see ConceptMatrix).
 */
function nearestConcept(lemma: string, index: DecodeIndex, deps: DecodeDeps, threshold: number): { id: string; cos: number } | null {
  const vector = deps.vectors?.lemmaVector(lemma);
  const concepts = index.concepts;
  if (!vector || !concepts || vector.length !== concepts.dim) return null;
  const { dim, rows, checkpoints, tails } = concepts;
  const stops = checkpoints.length;
  const own = new Float64Array(stops);
  tailNorms(vector, 0, dim, checkpoints, own, 0);
  let bestRow = -1;
  let bestCos = -Infinity;
  for (let row = 0, base = 0; row < concepts.ids.length; row++, base += dim) {
    const bar = Math.max(threshold, bestCos);
    let sum = 0;
    let i = 0;
    let dropped = false;
    for (let c = 0; c < stops && !dropped; c++) {
      for (const stop = checkpoints[c]!; i < stop; i++) sum += vector[i]! * rows[base + i]!;
      dropped = sum + own[c]! * tails[row * stops + c]! + BOUND_SLACK < bar;
    }
    if (dropped) continue;
    for (; i < dim; i++) sum += vector[i]! * rows[base + i]!;
    if (bestRow < 0 || sum > bestCos) {
      bestRow = row;
      bestCos = sum;
    }
  }
  return bestRow >= 0 && bestCos >= threshold ? { id: concepts.ids[bestRow]!, cos: bestCos } : null;
}

function byMeaning(lemma: string, index: DecodeIndex, deps: DecodeDeps): { id: string; cos: number } | null {
  // Only a concept at the threshold is a match: the memo keeps those, and null for every other lemma.
  const threshold = deps.meaningThreshold ?? DEFAULT_MEANING_THRESHOLD;
  return index.nearest.remember(`${threshold} ${lemma}`, () => nearestConcept(lemma, index, deps, threshold));
}

function readWord(token: Token, index: DecodeIndex, deps: DecodeDeps): Match | null {
  if (deps.morph.isFunctionWord?.(token.text.toLowerCase(), token.lang)) return null;
  const lemmas = lemmasOf(token.text, token.lang, deps);
  const base = { text: token.text, lemma: lemmas[0]!, kind: 'word' as const };
  for (const lemma of lemmas) {
    const concept = deps.lexicon.byLemma(lemma, token.lang);
    if (concept) return { ...base, lemma, conceptId: concept.id, via: 'lexicon', confidence: 1 };
  }
  for (const lemma of lemmas) {
    const id = index.phrases[token.lang].get(lemma);
    if (id) return { ...base, lemma, conceptId: id, via: 'lexicon', confidence: 1 };
  }
  const pos = deps.morph.analyze(token.text.toLowerCase(), token.lang)[0]?.pos;
  if (!pos || !MEANING_POS.has(pos)) return null;
  const near = byMeaning(base.lemma, index, deps);
  return near ? { ...base, conceptId: near.id, via: 'meaning', confidence: near.cos } : null;
}

/** The lemma of a word as phrases are read, memoised like the words' matches. */
function lemmaOf(token: Token, index: DecodeIndex, deps: DecodeDeps): string {
  return index.lemmas[token.lang].remember(token.text, () => deps.morph.lemmatize(token.text.toLowerCase(), token.lang));
}

/** A word's match depends on its spelling and language only, and renderings reuse their words: memoised. */
function matchWord(token: Token, index: DecodeIndex, deps: DecodeDeps): Match | null {
  return index.words[token.lang].remember(token.text, () => {
    const read = readWord(token, index, deps);
    return read && Object.freeze(read);
  });
}

/** Prefix of the concept id a free component gets (as in verify's identities). */
export const FREE_PREFIX = 'lemma:';

/**
 * A word that names no concept is a component of its own, with no concept, when it can only have come from the
 * scene: a word in the other script than the text's (берег in an English sentence: a lemma the renderer could not
 * translate), or one of the text's language that no template of the phrase books uses (бояться in «Только бы
 * бояться.»). Without the books every word of the text's language may be frame, and none is taken.
 */
function freeLemma(token: Token, lemma: string, textLang: 'ru' | 'en', index: DecodeIndex, deps: DecodeDeps): Match | null {
  // One letter is a variable (the formula's t), not a word.
  if (token.text.length < 2 || deps.morph.isFunctionWord?.(token.text.toLowerCase(), token.lang)) return null;
  if (token.lang === textLang && (!index.frameLemmas || index.frameLemmas[token.lang].has(lemma))) return null;
  return { conceptId: `${FREE_PREFIX}${lemma}`, text: token.text, lemma, kind: 'word', via: 'lexicon', confidence: 1 };
}

/** Every concept mention in the text, in reading order (repeats included). */
export function matchConcepts(text: string, deps: DecodeDeps): Match[] {
  const index = decodeIndex(deps);
  const tokens = tokenise(text);
  const ru = tokens.filter((t) => t.kind === 'word' && t.lang === 'ru').length;
  const textLang = ru * 2 >= tokens.filter((t) => t.kind === 'word').length ? 'ru' : 'en';
  const lemmas: string[] = [];
  const lemmaAt = (k: number): string => (lemmas[k] ??= lemmaOf(tokens[k]!, index, deps));
  const matches: Match[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (token.kind === 'emoji') {
      const concept = deps.lexicon.byEmoji(token.text);
      if (concept) matches.push({ conceptId: concept.id, text: token.text, lemma: token.text, kind: 'emoji', via: 'lexicon', confidence: 1 });
      i++;
      continue;
    }
    let phrase: Match | null = null;
    // A phrase is a run of words in the token's language; each word's lemma is looked up once per text.
    let run = 1;
    while (run < index.longestPhrase && tokens[i + run]?.kind === 'word' && tokens[i + run]!.lang === token.lang) run++;
    if (run >= 2 && !index.phraseStarts[token.lang].has(lemmaAt(i))) run = 1;
    for (let n = run; n >= 2 && !phrase; n--) {
      const window = tokens.slice(i, i + n);
      const seq = window.map((_, k) => lemmaAt(i + k)).join(' ');
      const id = index.phrases[token.lang].get(seq);
      if (id) {
        phrase = { conceptId: id, text: window.map((t) => t.text).join(' '), lemma: seq, kind: 'word', via: 'lexicon', confidence: 1 };
        i += n;
      }
    }
    if (phrase) {
      matches.push(phrase);
      continue;
    }
    const single = matchWord(token, index, deps) ?? freeLemma(token, lemmaAt(i), textLang, index, deps);
    if (single) matches.push(single);
    i++;
  }
  return matches;
}
