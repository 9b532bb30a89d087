import type { Component } from '../types.js';

export interface EmbedInput {
  text: string;
  components: Component[];
}

/** Every vector an Embedder returns is unit length and belongs to `modelId`; vectors of two models never mix. */
export interface Embedder {
  readonly modelId: string;
  readonly dim: number;
  embed(input: EmbedInput): Promise<Float32Array>;
  embedBatch(inputs: EmbedInput[]): Promise<Float32Array[]>;
  /** The static model's vector of a lemma (or emoji); null for an unknown one and for transformer models. */
  lemmaVector(lemma: string): Float32Array | null;
  close?(): Promise<void>;
}

/** What the static embedder needs from morphology to embed raw text; `Morphology` (services/core/morph) fits. */
export interface Lemmatizer {
  lemmatize(word: string, lang: 'ru' | 'en'): string;
}
