/**
 * The unigram word model: natural-log probabilities per word (plus a bonus for lemmas), one trie per language,
 * and the costs that make the best segmentation prefer few, frequent, long-enough words and keep an unknown
 * word whole. The costs were chosen on eval/data/segment/*.dev.tsv, never on the held-out sets.
 */
import { WordTrie } from './trie.js';

export type ModelLang = 'ru' | 'en';

export interface SegmentParams {
  /** Added to every piece: fewer pieces win when the probabilities are close. */
  pieceCost: number;
  /** Log-probability of an unknown piece: base plus a cost per character, so unknown words stay whole. */
  unknownBase: number;
  unknownPerChar: number;
  /** Added to dictionary forms (lemmas): couplings are usually glued lemmas (rascal|skate, not rascals|kate). */
  lemmaBonus: number;
  /** Extra cost of one- and two-letter pieces (ru: в, с; en: a, s), which otherwise cut words apart. */
  shortPieceCost: readonly [one: number, two: number];
}

export const DEFAULT_SEGMENT_PARAMS: SegmentParams = Object.freeze({
  pieceCost: 4,
  unknownBase: -22,
  unknownPerChar: 4,
  lemmaBonus: 2,
  shortPieceCost: [6, 2] as const,
});

export interface LanguageModel {
  lang: ModelLang;
  trie: WordTrie;
  /** Longest dictionary word: the segmenter never looks further ahead, which keeps it linear. */
  maxWordLength: number;
}

export interface WordModel {
  ru: LanguageModel;
  en: LanguageModel;
  params: SegmentParams;
}

/**
 * One language's frequencies: either [word (matching form), zipf × 100, is a lemma] entries, or the UTF-8
 * bytes of data/wordfreq/<lang>.tsv (`word<TAB>zipf×100[<TAB>1 for a lemma]` lines), which load faster.
 */
export type FrequencyList = ReadonlyArray<readonly [word: string, zipf100: number, lemma?: boolean]> | Uint8Array;

const LN10 = Math.log(10);

/** Zipf is log10 of the frequency per 10^9 words; the model works in natural-log probability. */
export function zipfToLogProb(zipf100: number): number {
  return (zipf100 / 100 - 9) * LN10;
}

export function createLanguageModel(lang: ModelLang, list: FrequencyList, params: SegmentParams): LanguageModel {
  const score = (zipf100: number, lemma: boolean): number => zipfToLogProb(zipf100) + (lemma ? params.lemmaBonus : 0);
  const trie = list instanceof Uint8Array
    ? WordTrie.fromTsv(list, score)
    : WordTrie.fromEntries(list.map(([w, z, lemma]) => [w, score(z, lemma === true)] as const));
  return { lang, trie, maxWordLength: trie.maxWordLength };
}

export function createWordModel(lists: Record<ModelLang, FrequencyList>, params: SegmentParams = DEFAULT_SEGMENT_PARAMS): WordModel {
  return { ru: createLanguageModel('ru', lists.ru, params), en: createLanguageModel('en', lists.en, params), params };
}
