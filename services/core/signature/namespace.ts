/**
 * The index namespace: vectors are only comparable when they come from the same model and are hashed with the
 * same hyperplanes, so the namespace names both. A store refuses to open under another namespace
 * (HB_ERR_MODEL_MISMATCH) instead of mixing incomparable signatures.
 */
import { HyperBridgeError } from '../../lib/errors.js';
import type { LshParams } from './lsh.js';

export function signatureNamespace(modelId: string, dim: number, params: LshParams, centre?: Float32Array): string {
  const base = `${modelId}#d${dim}#lsh-b${params.bands}-r${params.rows}-s${params.seed}`;
  return centre ? `${base}-c${centreTag(centre)}` : base;
}

/** A short fingerprint of the LSH centre (FNV-1a over its values rounded to 1e-6), so another centre is another namespace. */
function centreTag(centre: Float32Array): string {
  let h = 0x811c9dc5;
  for (const x of centre) {
    const s = Math.round(x * 1e6).toString(36);
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x2c, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Throws unless the namespace found in a store (null for a new, empty store) is the expected one. `remedy` says
 * how to clear that particular store: a store built for another model cannot be opened, so it cannot prune itself.
 */
export function assertNamespace(found: string | null, expected: string, where: string, remedy: string): void {
  if (found !== null && found !== expected) {
    throw new HyperBridgeError(
      'HB_ERR_MODEL_MISMATCH',
      'store',
      `${where} holds signatures of namespace "${found}", this run uses "${expected}" (another model or other LSH settings); ${remedy}, or point the store elsewhere. Its scenes are indexed again when their messages are replayed`,
    );
  }
}
