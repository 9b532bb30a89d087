/**
 * What holds a scene together (its tension type, with scores) and where each component stands in the scene's
 * movement (its phase), from the scene's and the components' vectors.
 */
import { HyperBridgeError } from '../../lib/errors.js';
import { TENSION_TYPES, type Phase, type Scene, type Tension, type TensionScores } from '../types.js';
import { centre, type TensionModel } from './model.js';
import { predict } from './softmax.js';

export interface SceneVectors {
  scene: Float32Array;
  /** One per component, in order; null where the embedder has no vector for it. */
  components: (Float32Array | null)[];
}

export interface TensionResult {
  tension: Tension;
  phases: (Phase | null)[];
}

const isZero = (v: Float32Array) => v.every((x) => x === 0);

/** Scores rounded to 4 decimals that still sum to exactly 1 (the rounding remainder goes to the largest). */
function roundScores(p: number[]): TensionScores {
  const r = p.map((x) => Math.round(x * 1e4) / 1e4);
  const top = p.indexOf(Math.max(...p));
  r[top] = Math.round((1 - r.reduce((a, b, i) => (i === top ? a : a + b), 0)) * 1e4) / 1e4;
  return { bodily: r[0]!, logical: r[1]!, archetypal: r[2]! };
}

/** The phase of a component from its centred vector (null: no vector, or no phase probable enough). */
function phaseOf(centred: Float32Array | null, model: TensionModel): Phase | null {
  if (!centred) return null;
  const q = predict(model.phase, centred);
  const best = q.indexOf(Math.max(...q));
  const cls = model.phase.classes[best]!;
  return cls === 'none' || q[best]! < model.minPhaseProbability ? null : cls;
}

export function classifyTension(scene: Scene, vectors: SceneVectors, model: TensionModel): TensionResult {
  if (vectors.components.length !== scene.components.length) {
    throw new HyperBridgeError('HB_ERR_INTERNAL', 'classify', `${vectors.components.length} component vectors for ${scene.components.length} components`);
  }
  for (const v of [vectors.scene, ...vectors.components]) {
    if (v && v.length !== model.dim) {
      throw new HyperBridgeError('HB_ERR_MODEL_MISMATCH', 'classify', `vector of ${v.length} dimensions, the tension model was trained on ${model.dim}`);
    }
  }
  // Centred once per component: both heads read it.
  const centred = scene.components.map((c, i) => {
    const v = vectors.components[i];
    return c.kind !== 'marker' && v && !isZero(v) ? centre(v, model.mean) : null;
  });
  // Each component votes with its type distribution; the whole-scene vector votes too, with its own weight.
  const votes: { p: number[]; w: number }[] = [];
  for (const x of centred) if (x) votes.push({ p: predict(model.type, x), w: 1 });
  if (!isZero(vectors.scene)) votes.push({ p: predict(model.type, centre(vectors.scene, model.mean)), w: model.sceneWeight });
  const total = votes.reduce((a, v) => a + v.w, 0);
  const p = total === 0
    ? TENSION_TYPES.map(() => 1 / TENSION_TYPES.length)
    : TENSION_TYPES.map((_, t) => votes.reduce((a, v) => a + v.w * v.p[t]!, 0) / total);
  const type = TENSION_TYPES[p.indexOf(Math.max(...p))]!;

  const phases = centred.map((x) => phaseOf(x, model));
  const arc = phases.filter((ph): ph is Phase => ph !== null);
  return { tension: { type, scores: roundScores(p), arc }, phases };
}
