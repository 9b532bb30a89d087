/**
 * What rendering, decoding and verification need from other areas: the narrowest slices of the lexicon's,
 * the morphology's and the embedder's interfaces, taken from those interfaces so the two cannot drift apart,
 * and small enough that tests can hand in fixtures.
 */
import type { Concept } from '../lexicon/index.js';
import type { Morphology } from '../morph/index.js';
import type { Component, Phase, Tension } from '../types.js';

export type RenderLang = 'ru' | 'en';

/** A concept without its provenance, which rendering never reads. */
export type ConceptPort = Omit<Concept, 'source'>;

export interface LexiconPort {
  concepts: readonly ConceptPort[];
  get(id: string): ConceptPort | null;
  byLemma(lemma: string, lang?: RenderLang): ConceptPort | null;
  byEmoji(emoji: string): ConceptPort | null;
  label(id: string, lang: RenderLang): string;
}

export type MorphologyPort = Pick<Morphology, 'analyze' | 'lemmatize' | 'inflect' | 'genderOf' | 'isKnown'>;

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
