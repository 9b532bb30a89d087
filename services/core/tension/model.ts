/**
 * The tension model: two softmax heads over embedding vectors, one for the tension type and one for the phase
 * (the four phases plus `none`). Vectors are centred on the training mean before they reach a head: static
 * word vectors share a large common direction that says nothing about tension. Trained from the labelled
 * items in data/tension/train.tsv embedded by the running embedder (loader: services/data/tension.ts), so a
 * word or emoji absent from the training set is classified by where its vector falls.
 */
import { HyperBridgeError } from '../../lib/errors.js';
import { PHASES, TENSION_TYPES, type Phase, type TensionType } from '../types.js';
import { trainSoftmax, type SoftmaxHead, type SoftmaxTraining } from './softmax.js';

export type PhaseClass = Phase | 'none';
export const PHASE_CLASSES: readonly PhaseClass[] = [...PHASES, 'none'];

export interface TensionModel {
  /** The embedder the model was trained for; vectors of another model mean nothing to it. */
  modelId: string;
  dim: number;
  mean: Float32Array;
  type: SoftmaxHead<TensionType>;
  phase: SoftmaxHead<PhaseClass>;
  /** A component gets a phase only when its most likely phase is at least this probable. */
  minPhaseProbability: number;
  /** Weight of the whole-scene vector next to the components' own when scoring the type. */
  sceneWeight: number;
}

export interface TrainingItem {
  vector: Float32Array;
  type: TensionType | null;
  phase: PhaseClass | null;
}

export interface TensionTrainingOptions extends SoftmaxTraining {
  minPhaseProbability: number;
  sceneWeight: number;
}

export const DEFAULT_TENSION_TRAINING: TensionTrainingOptions = {
  epochs: 400,
  learningRate: 2,
  l2: 1e-4,
  minPhaseProbability: 0.4,
  sceneWeight: 1,
};

/** x - mean, scaled to unit length (zero stays zero: an empty vector carries no evidence). */
export function centre(vector: Float32Array, mean: Float32Array): Float32Array {
  const out = new Float32Array(vector.length);
  let n = 0;
  for (let i = 0; i < vector.length; i++) {
    out[i] = vector[i]! - mean[i]!;
    n += out[i]! * out[i]!;
  }
  n = Math.sqrt(n);
  if (n > 0) for (let i = 0; i < out.length; i++) out[i] = out[i]! / n;
  return out;
}

export function trainTensionModel(modelId: string, items: readonly TrainingItem[], opts: TensionTrainingOptions = DEFAULT_TENSION_TRAINING): TensionModel {
  const dim = items[0]?.vector.length ?? 0;
  if (dim === 0) throw new HyperBridgeError('HB_ERR_MODEL_LOAD', 'classify', 'the tension training set has no embeddable items');
  const mean = new Float32Array(dim);
  for (const it of items) for (let i = 0; i < dim; i++) mean[i] = mean[i]! + it.vector[i]! / items.length;
  const xs = items.map((it) => centre(it.vector, mean));
  const typed = items.flatMap((it, i) => (it.type ? [{ x: xs[i]!, label: it.type }] : []));
  const phased = items.flatMap((it, i) => (it.phase ? [{ x: xs[i]!, label: it.phase }] : []));
  for (const t of TENSION_TYPES) {
    if (!typed.some((e) => e.label === t)) throw new HyperBridgeError('HB_ERR_MODEL_LOAD', 'classify', `the tension training set has no embeddable ${t} item`);
  }
  return {
    modelId,
    dim,
    mean,
    type: trainSoftmax(TENSION_TYPES, typed, opts),
    phase: trainSoftmax(PHASE_CLASSES, phased, opts),
    minPhaseProbability: opts.minPhaseProbability,
    sceneWeight: opts.sceneWeight,
  };
}
