/** The shapes the rest of HyperBridge sees; nothing here knows about az or WordNet. */

export type Lang = 'ru' | 'en';
export type Gender = 'masc' | 'femn' | 'neut';
export type GrammaticalNumber = 'sing' | 'plur';
/** OpenCorpora case grammemes. */
export type CaseTag = 'nomn' | 'gent' | 'datv' | 'accs' | 'ablt' | 'loct';

export interface MorphAnalysis {
  lemma: string;
  /**
   * OpenCorpora part of speech: NOUN, VERB, INFN, ADJF, ADJS, COMP, PRTF, PRTS, GRND, ADVB, PREP, CONJ, PRCL, NPRO,
   * NUMR, PRED, INTJ; English uses the same names plus DET; UNKN for a word no dictionary knows.
   */
  pos: string;
  /** OpenCorpora grammemes (without the part of speech), e.g. ['inan','neut','Sgtm','sing','ablt']. */
  grammemes: string[];
  /** Share of this reading among the word's readings, 0–1; the readings' scores sum to 1. */
  score: number;
}

export interface Morphology {
  /** The readings of a word form, most probable first; an unknown word gives one UNKN reading of itself. */
  analyze(word: string, lang: Lang): MorphAnalysis[];
  /** The most probable reading's lemma; an unknown word is its own lemma (lower case). */
  lemmatize(word: string, lang: Lang): string;
  /**
   * The lemma in the form the grammemes ask for, or null when the dictionary has no such form.
   * ru: OpenCorpora grammemes (['ablt','sing'], ['past','femn'], ['impr','sing'], ['PRTF','past','femn','nomn']).
   * en: ['plur'], ['past'], ['past','partcp'], ['3per','sing','pres'], ['ger'], ['COMP'], ['SUPR'].
   */
  inflect(lemma: string, lang: Lang, grammemes: readonly string[]): string | null;
  /** Grammatical gender of a noun or pronoun lemma; English has it for pronouns only. */
  genderOf(lemma: string, lang: Lang): Gender | null;
  /** True when the dictionary holds the word form (not a guess from its ending). */
  isKnown(word: string, lang: Lang): boolean;
  /** Prepositions, conjunctions, particles, pronouns, determiners, auxiliaries. */
  isFunctionWord(word: string, lang: Lang): boolean;
  /**
   * An adjective lemma agreeing with a noun in gender, number and (Russian) case and animacy. A Russian verb lemma
   * agrees as its active participle (past unless `tense` says 'pres'): жизнь + родиться → родившаяся. English
   * adjectives do not inflect and come back as given.
   */
  agreeAdjective(
    adjLemma: string,
    nounLemma: string,
    caseTag: CaseTag,
    lang: Lang,
    options?: { number?: GrammaticalNumber; tense?: 'past' | 'pres' },
  ): string | null;
  /** A Russian past-tense verb agreeing with its subject noun: дрогнуть + тишина → дрогнула. */
  agreePastVerb(verbLemma: string, nounLemma: string, options?: { number?: GrammaticalNumber }): string | null;
}

/** One language's analyser behind the shared cache and input checks of `createMorphology`. */
export interface LanguageMorphology {
  /** `word` arrives NFC-normalised and trimmed, in its own case (Russian proper names need it). */
  analyze(word: string): { known: boolean; analyses: MorphAnalysis[] };
  inflect(lemma: string, grammemes: readonly string[]): string | null;
  genderOf(lemma: string): Gender | null;
  /** Noun facts adjective agreement needs. */
  nounAgreement(lemma: string): { gender: Gender | null; number: GrammaticalNumber; animate: boolean } | null;
  isFunctionWord(word: string): boolean;
}
