/**
 * The vectors the classify stage works from: one for the whole scene (its signature in the store) and one per
 * component (the tension model's evidence). A component's vector is its lemma's static vector when the
 * embedder has one, else its concept's (an emoji or a synonym mapped by the lexicon), else the embedding of
 * the component alone (transformers, unknown words).
 */
import type { Component, Scene } from '../core/types.js';
import type { SceneVectors } from '../core/tension/index.js';

/** The part of the Embedder (services/adapters/embedder) the meaning layer uses. */
export interface SceneEmbedder {
  readonly modelId: string;
  readonly dim: number;
  embed(input: { text: string; components: Component[] }): Promise<Float32Array>;
  embedBatch(inputs: { text: string; components: Component[] }[]): Promise<Float32Array[]>;
  lemmaVector(lemma: string): Float32Array | null;
}

const nonZero = (v: Float32Array | null | undefined): Float32Array | null => (v && v.some((x) => x !== 0) ? v : null);

export async function componentVectors(embedder: SceneEmbedder, components: readonly Component[]): Promise<(Float32Array | null)[]> {
  const out: (Float32Array | null)[] = components.map((c) =>
    c.kind === 'marker' ? null : nonZero(embedder.lemmaVector(c.lemma)) ?? (c.concept ? nonZero(embedder.lemmaVector(c.concept)) : null),
  );
  const missing = components.flatMap((c, i) => (c.kind !== 'marker' && out[i] === null ? [i] : []));
  if (missing.length > 0) {
    const vectors = await embedder.embedBatch(missing.map((i) => ({ text: components[i]!.text, components: [components[i]!] })));
    missing.forEach((i, j) => (out[i] = nonZero(vectors[j])));
  }
  return out;
}

/** `text` is what the scene was made from (the message text). */
export async function sceneVectors(embedder: SceneEmbedder, scene: Scene, text: string): Promise<SceneVectors> {
  const [vector, components] = await Promise.all([
    embedder.embed({ text, components: scene.components }),
    componentVectors(embedder, scene.components),
  ]);
  return { scene: vector, components };
}
