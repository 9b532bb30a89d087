/** A concept scenes are made of; comparisons between scenes go through `id`, so language never matters. */
export interface Concept {
  /** Stable ascii slug, e.g. `fire`. */
  id: string;
  /** Russian and English lemma; an emoji concept counts as mapped only when both are non-empty. */
  ru: string;
  en: string;
  synonyms: { ru: string[]; en: string[] };
  emoji: string[];
  /** e.g. element, body, light, dark, threshold, time, feeling, reasoning. */
  tags: string[];
  /** Where the entry comes from: `core` (curated) or `cldr` (emoji annotations); licences in data/lexicon/SOURCE.md. */
  source: string;
}

export type LexiconLang = 'ru' | 'en';

export interface Lexicon {
  concepts: readonly Concept[];
  get(id: string): Concept | null;
  /** By lemma or synonym, ё- and case-insensitive; both languages when `lang` is not given. */
  byLemma(lemma: string, lang?: LexiconLang): Concept | null;
  /** By emoji, ignoring variation selectors and skin tones. */
  byEmoji(emoji: string): Concept | null;
  /** The concept's lemma in a language; the id itself for an unknown id. */
  label(id: string, lang: LexiconLang): string;
}
