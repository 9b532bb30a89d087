/**
 * A small stand-in lexicon for the render, decode and verify unit tests, shaped like services/core/lexicon's
 * Lexicon, so these tests do not depend on the full shipped lexicon. The morphology is the real one.
 */
import type { Component, Phase, Scene } from '../../../services/core/types.js';
import type { ConceptPort, LexiconPort, MorphologyPort, PhraseBooks } from '../../../services/core/render/index.js';
import { loadMorphology } from '../../../services/data/morphology.js';
import { loadPhraseBooks } from '../../../services/data/render.js';

const CONCEPTS: ConceptPort[] = [
  { id: 'ash', ru: 'пепел', en: 'ash', synonyms: { ru: ['зола'], en: ['cinder'] }, emoji: ['🪶'], tags: ['element'] },
  { id: 'flash', ru: 'вспышка', en: 'flash', synonyms: { ru: ['сполох'], en: ['flare'] }, emoji: ['⚡'], tags: ['light'] },
  { id: 'life', ru: 'жизнь', en: 'life', synonyms: { ru: ['бытие'], en: ['existence'] }, emoji: ['🌱'], tags: ['time'] },
  { id: 'silence', ru: 'тишина', en: 'silence', synonyms: { ru: ['молчание'], en: ['hush'] }, emoji: ['🤫'], tags: ['feeling'] },
  { id: 'heat', ru: 'жар', en: 'heat', synonyms: { ru: ['тепло'], en: ['warmth'] }, emoji: ['🔥', '🜂'], tags: ['element'] },
  { id: 'entry', ru: 'вход', en: 'entry', synonyms: { ru: ['проём'], en: ['entrance'] }, emoji: ['🚪'], tags: ['threshold'] },
  { id: 'fear', ru: 'страх', en: 'fear', synonyms: { ru: ['ужас'], en: ['dread'] }, emoji: ['😨'], tags: ['feeling'] },
  { id: 'breath', ru: 'дыхание', en: 'breath', synonyms: { ru: ['выдох'], en: ['inhalation'] }, emoji: ['🫁'], tags: ['body'] },
  { id: 'lightning', ru: 'молния', en: 'lightning', synonyms: { ru: ['разряд'], en: ['bolt'] }, emoji: ['⚡'], tags: ['light'] },
  { id: 'inward', ru: 'внутрь', en: 'inward', synonyms: { ru: [], en: [] }, emoji: [], tags: ['threshold'] },
];

export function fixtureLexicon(): LexiconPort {
  const byId = new Map(CONCEPTS.map((c) => [c.id, c]));
  const byWord = new Map<string, ConceptPort>();
  for (const c of CONCEPTS) for (const w of [c.ru, c.en, ...c.synonyms.ru, ...c.synonyms.en]) byWord.set(w, c);
  const byEmoji = new Map<string, ConceptPort>();
  for (const c of CONCEPTS) for (const e of c.emoji) if (!byEmoji.has(e)) byEmoji.set(e, c);
  return {
    concepts: CONCEPTS,
    get: (id) => byId.get(id) ?? null,
    byLemma: (lemma) => byWord.get(lemma.toLowerCase()) ?? null,
    byEmoji: (e) => byEmoji.get(e) ?? null,
    label: (id, lang) => byId.get(id)?.[lang] ?? id,
  };
}

/** A scene as the compression stage would make it from concept labels (phases left to the renderer). */
export function sceneOf(labels: string[], lang: 'ru' | 'en' = 'ru', phases: (Phase | null)[] = []): Scene {
  const components: Component[] = labels.map((label, i) => ({ text: label, lemma: label, kind: 'word', concept: label, phase: phases[i] ?? null }));
  return { sceneId: `SCN-${labels.join('').length}t`, mnemonic: labels.join(''), key: labels.join('·'), lang, components, tension: null };
}

let morph: Promise<MorphologyPort> | undefined;

/** Render, decode and verify dependencies: the real morphology and phrase books, the fixture lexicon. */
export async function fixtureDeps(): Promise<{ lexicon: LexiconPort; morph: MorphologyPort; books: PhraseBooks; thresholds: { lossless: number; min: number } }> {
  morph ??= loadMorphology();
  return { lexicon: fixtureLexicon(), morph: await morph, books: loadPhraseBooks(), thresholds: { lossless: 1, min: 0.8 } };
}
