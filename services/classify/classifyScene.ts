/**
 * The classify stage's domain step without its side effect: the scene's vectors, its tension and each
 * component's phase. The stage handler stores the signature afterwards; `hyperbridge scene` and `render` use
 * this alone, so they classify exactly as the pipeline does without writing to the store.
 */
import { classifyTension, type TensionModel } from '../core/tension/index.js';
import type { Scene, Tension } from '../core/types.js';
import { asHyperBridgeError } from '../lib/errors.js';
import { sceneVectors, type SceneEmbedder } from './scene-vectors.js';

export async function classifyScene(scene: Scene, text: string, embedder: SceneEmbedder, model: TensionModel): Promise<{ scene: Scene & { tension: Tension }; vector: Float32Array }> {
  try {
    const vectors = await sceneVectors(embedder, scene, text);
    const { tension, phases } = classifyTension(scene, vectors, model);
    return {
      scene: { ...scene, components: scene.components.map((c, i) => ({ ...c, phase: phases[i] ?? null })), tension },
      vector: vectors.scene,
    };
  } catch (err) {
    throw asHyperBridgeError(err, 'classify');
  }
}
