/**
 * The concept lexicon's indexes. Concepts come in priority order (curated core first), so when two concepts
 * claim the same word or emoji, the earlier one keeps it.
 */
import { emojiKey, foldYo } from '../text/index.js';
import type { Concept, Lexicon, LexiconLang } from './types.js';

export function lemmaKey(word: string): string {
  return foldYo(word.normalize('NFC').toLowerCase());
}

export function createLexicon(concepts: readonly Concept[]): Lexicon {
  const byId = new Map<string, Concept>();
  const words: Record<LexiconLang, Map<string, Concept>> = { ru: new Map(), en: new Map() };
  const emoji = new Map<string, Concept>();
  const claim = <K>(index: Map<K, Concept>, key: K, concept: Concept): void => {
    if (!index.has(key)) index.set(key, concept);
  };
  for (const concept of concepts) {
    claim(byId, concept.id, concept);
    for (const lang of ['ru', 'en'] as const) {
      if (concept[lang]) claim(words[lang], lemmaKey(concept[lang]), concept);
      for (const synonym of concept.synonyms[lang]) claim(words[lang], lemmaKey(synonym), concept);
    }
    for (const e of concept.emoji) claim(emoji, emojiKey(e), concept);
  }
  return {
    concepts,
    get: (id) => byId.get(id) ?? null,
    byLemma(lemma, lang) {
      const key = lemmaKey(lemma);
      if (lang) return words[lang].get(key) ?? null;
      return words.ru.get(key) ?? words.en.get(key) ?? null;
    },
    byEmoji: (e) => emoji.get(emojiKey(e)) ?? null,
    label(id, lang) {
      const concept = byId.get(id);
      return concept ? concept[lang] || concept.id : id;
    },
  };
}
