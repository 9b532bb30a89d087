/**
 * What rendering, decoding and verification need from other areas, as the team's interfaces describe them
 * (services/core/lexicon, services/core/morph, services/core/embed). Declared here structurally so the
 * render core only depends on the shape: the real Lexicon, Morphology and Embedder satisfy these.
 */
import type { Component, Phase, Tension } from '../types.js';

export type RenderLang = 'ru' | 'en';

export interface ConceptPort {
  id: string;
  ru: string;
  en: string;
  synonyms: { ru: string[]; en: string[] };
  emoji: string[];
  tags: string[];
}

export interface LexiconPort {
  concepts: readonly ConceptPort[];
  get(id: string): ConceptPort | null;
  byLemma(lemma: string, lang?: RenderLang): ConceptPort | null;
  byEmoji(emoji: string): ConceptPort | null;
  label(id: string, lang: RenderLang): string;
}

export interface MorphAnalysisPort {
  lemma: string;
  pos: string;
  grammemes: string[];
  score: number;
}

export interface MorphologyPort {
  analyze(word: string, lang: RenderLang): MorphAnalysisPort[];
  lemmatize(word: string, lang: RenderLang): string;
  inflect(lemma: string, lang: RenderLang, grammemes: string[]): string | null;
  genderOf(lemma: string, lang: RenderLang): 'masc' | 'femn' | 'neut' | null;
  isKnown(word: string, lang: RenderLang): boolean;
}

/** Only the synchronous part of the Embedder is used in the core (static word vectors). */
export interface LemmaVectorsPort {
  readonly modelId: string;
  readonly dim: number;
  lemmaVector(lemma: string): Float32Array | null;
}

/** The tension classifier with its model bound (services/core/tension's classifyTension). */
export type ClassifyPort = (
  scene: { components: Component[] } & Record<string, unknown>,
  vectors: { scene: Float32Array; components: (Float32Array | null)[] },
) => { tension: Tension; phases: (Phase | null)[] };
