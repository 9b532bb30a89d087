/**
 * The part of npm `az` (Az.Morph, OpenCorpora dictionaries) the Russian analyser uses, typed structurally so the
 * core never imports az itself: the loader initialises az and hands its `Az.Morph` function in.
 */
export interface AzTag {
  /** Part of speech (NOUN, VERB, ...); absent on a few special tags. */
  readonly POS?: string;
  /** Unchangeable grammemes (part of speech, gender of a noun, aspect...). */
  readonly stat: readonly string[];
  /** Grammemes of this form (case, number, tense...). */
  readonly flex: readonly string[];
  /** Gender (masc, femn, neut, ms-f) when the word has one. */
  readonly GNdr?: string;
  readonly [grammeme: string]: unknown;
}

export interface AzParse {
  readonly tag: AzTag;
  readonly score: number;
  /** Which az parser produced this reading: Dictionary, SuffixKnown, Latin... */
  readonly parser?: string;
  readonly stutterCnt: number;
  readonly typosCnt: number;
  normalize(keepPOS?: boolean): AzParse | false;
  inflect(grammemes: readonly string[]): AzParse | false;
  toString(): string;
}

export interface AzMorphOptions {
  stutter: number;
  typos: number;
  /** az parser names in order; a name ending in '?' does not stop the search when it matches. */
  parsers: readonly string[];
}

export type AzMorph = (word: string, options?: AzMorphOptions) => AzParse[];
