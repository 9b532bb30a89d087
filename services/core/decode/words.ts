/**
 * Reading concepts out of words and emoji: longest phrase of the phrase books' images first, then the lexicon
 * by lemma, then the meaning model's nearest concept above a threshold. Function words never carry concepts.
 */
import type { DecodeDeps, Match } from './types.js';
import { graphemes } from '../text/graphemes.js';
import { decodeIndex, type DecodeIndex } from './index-cache.js';

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

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  const flush = (): void => {
    const trimmed = word.replace(/^['’-]+|['’-]+$/gu, '');
    if (trimmed) tokens.push({ text: trimmed, kind: 'word', lang: /[а-яё]/iu.test(trimmed) ? 'ru' : 'en' });
    word = '';
  };
  for (const { text: segment } of graphemes(text)) {
    const role = graphemeRole(segment);
    if (role === LETTER_ROLE) {
      word += segment;
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

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

function nearestConcept(lemma: string, index: DecodeIndex, deps: DecodeDeps): { id: string; cos: number } | null {
  const vector = deps.vectors?.lemmaVector(lemma);
  if (!vector) return null;
  let best: { id: string; cos: number } | null = null;
  for (const c of index.conceptVectors) {
    const cos = cosine(vector, c.vector);
    if (!best || cos > best.cos) best = { id: c.id, cos };
  }
  return best;
}

function byMeaning(lemma: string, index: DecodeIndex, deps: DecodeDeps): { id: string; cos: number } | null {
  const best = index.nearest.remember(lemma, () => nearestConcept(lemma, index, deps));
  return best && best.cos >= (deps.meaningThreshold ?? DEFAULT_MEANING_THRESHOLD) ? best : null;
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
  return index.lemmas.remember(`${token.lang}:${token.text}`, () => deps.morph.lemmatize(token.text.toLowerCase(), token.lang));
}

/** A word's match depends on its spelling and language only, and renderings reuse their words: memoised. */
function matchWord(token: Token, index: DecodeIndex, deps: DecodeDeps): Match | null {
  return index.words.remember(`${token.lang}:${token.text}`, () => {
    const read = readWord(token, index, deps);
    return read && Object.freeze(read);
  });
}

/**
 * A word in the other script than the text's (берег in an English sentence) is a lemma the renderer could not
 * translate: it is kept as a component of its own, with no concept.
 */
function foreignLemma(token: Token, textLang: 'ru' | 'en', deps: DecodeDeps): Match | null {
  // One letter is a variable (the formula's t), not a word.
  if (token.lang === textLang || token.text.length < 2 || deps.morph.isFunctionWord?.(token.text.toLowerCase(), token.lang)) return null;
  const lemma = deps.morph.lemmatize(token.text.toLowerCase(), token.lang);
  return { conceptId: `lemma:${lemma}`, text: token.text, lemma, kind: 'word', via: 'lexicon', confidence: 1 };
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
    const single = matchWord(token, index, deps) ?? foreignLemma(token, textLang, deps);
    if (single) matches.push(single);
    i++;
  }
  return matches;
}
