/**
 * The phrase book: everything a voice says, as data (data/render/<lang>.json), so wording is edited without
 * touching code. Template slots:
 *   {c}         the concept's mention (Russian: nominative; English: the bare noun phrase)
 *   {c:CASE}    Russian case of the mention: gent, datv, accs, ablt, loct
 *   {g:m|f|n|p} the variant agreeing with the mention's gender (masculine, feminine, neuter) or plural
 *   [a|b|c]     one of the options, chosen by the seed (an empty option drops the group)
 *   {t}         (formula heads only) the moment, one of the voice's `times`
 */
import { PERSONAS, type Persona, type Phase } from '../types.js';

export type PhaseTemplates = Record<Phase, string[]> & {
  /** For concepts that are verbs (дрогнуть, wither): `{c}` is the infinitive, used as it is. */
  verb: string[];
  /** For other concepts that are not nouns (внутрь, inward, an unknown word): the word is used as it is. */
  raw: string[];
};

export interface ProseStyleBook extends PhaseTemplates {
  /** Essays open on an inner turn and close on an abstract conclusion about the last concept. */
  open?: string[];
  close?: string[];
}

export interface FormulaBook {
  head: string[];
  join: string;
  terms: PhaseTemplates;
  times: string[];
}

export interface VoiceBook {
  narrative: ProseStyleBook;
  essay: ProseStyleBook;
  poem: ProseStyleBook;
  formula: FormulaBook;
  /** Separator between the emoji of an emoji line. */
  emojiJoin: string;
  /** Texts of the silence style (empty or nearly so). */
  silence: string[];
}

export interface PhraseBook {
  lang: 'ru' | 'en';
  voices: Record<Persona, VoiceBook>;
  /** Other words for a concept, keyed by its label in this language: synonyms, images, related nouns. */
  images: Record<string, string[]>;
}

export interface PhraseBooks {
  ru: PhraseBook;
  en: PhraseBook;
}

/** Every template of a book with its slots blanked: the words a rendering puts around the concepts. */
export function frameTexts(book: PhraseBook): string[] {
  const out: string[] = [];
  for (const persona of PERSONAS) {
    const voice = book.voices[persona];
    for (const style of ['narrative', 'essay', 'poem'] as const) for (const list of Object.values(voice[style])) out.push(...(list as string[]));
    out.push(...voice.formula.head, ...Object.values(voice.formula.terms).flat());
  }
  // Every option of every [a|b] group is a frame word too.
  return out.map((t) =>
    t.replace(/\{(?:c(?::[a-z]+)?|t)\}/gu, ' ').replace(/\{g:([^}]*)\}/gu, ' $1 ').replace(/[[\]|]/gu, ' . '));
}
