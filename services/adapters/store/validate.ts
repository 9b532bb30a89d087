import { HyperBridgeError } from '../../lib/errors.js';
import type { StoredScene } from './types.js';

/** Refuses entries the index cannot hold before anything is written (bad input is an error, never a crash). */
export function validateEntry(entry: StoredScene, modelId: string, dim: number): void {
  if (!entry || typeof entry.sceneId !== 'string' || entry.sceneId === '') {
    throw new HyperBridgeError('HB_ERR_BAD_MESSAGE', 'store', 'a stored scene needs a sceneId');
  }
  if (entry.modelId !== modelId) {
    throw new HyperBridgeError('HB_ERR_MODEL_MISMATCH', 'store', `scene ${entry.sceneId} was embedded by ${entry.modelId}, the store holds ${modelId}`);
  }
  validateVector(entry.vector, dim);
}

export function validateVector(vector: Float32Array, dim: number): void {
  if (!(vector instanceof Float32Array) || vector.length !== dim) {
    throw new HyperBridgeError('HB_ERR_MODEL_MISMATCH', 'store', `expected a Float32Array of ${dim} dimensions`);
  }
  for (let i = 0; i < vector.length; i++) {
    if (!Number.isFinite(vector[i]!)) throw new HyperBridgeError('HB_ERR_BAD_MESSAGE', 'store', 'the vector holds a non-finite value');
  }
}
