/**
 * The index namespace: vectors are only comparable when they come from the same model and are hashed with the
 * same hyperplanes, so the namespace names both. A store refuses to open under another namespace
 * (HB_ERR_MODEL_MISMATCH) instead of mixing incomparable signatures.
 */
import { HyperBridgeError } from '../../lib/errors.js';
import type { LshParams } from './lsh.js';

export function signatureNamespace(modelId: string, dim: number, params: LshParams): string {
  return `${modelId}#d${dim}#lsh-b${params.bands}-r${params.rows}-s${params.seed}`;
}

/** Throws unless the namespace found in a store (null for a new, empty store) is the expected one. */
export function assertNamespace(found: string | null, expected: string, where: string): void {
  if (found !== null && found !== expected) {
    throw new HyperBridgeError(
      'HB_ERR_MODEL_MISMATCH',
      'store',
      `${where} holds signatures of namespace "${found}", this run uses "${expected}"; prune or point the store elsewhere before switching model or LSH settings`,
    );
  }
}
