/**
 * Random-hyperplane LSH (Charikar's SimHash): each bit is the side of a seeded random hyperplane the vector
 * falls on, so two vectors agree on a bit with probability 1 - angle/π. Bits are grouped in bands of `rows`
 * bits; two scenes become candidates for each other when any band matches exactly.
 */
import { HyperBridgeError } from '../../lib/errors.js';
import { gaussian, mulberry32 } from './prng.js';

export interface LshParams {
  bands: number;
  rows: number;
  seed: number;
}

export interface Lsh {
  readonly params: LshParams;
  readonly dim: number;
  /** One key per band, `<band>:<bits as hex>`, e.g. `3:a1`. */
  bandKeys(vector: Float32Array): string[];
}

export function createLsh(dim: number, params: LshParams): Lsh {
  const { bands, rows, seed } = params;
  if (!Number.isInteger(dim) || dim < 1) throw new HyperBridgeError('HB_ERR_CONFIG', 'signature', `vector dimension must be a positive integer, got ${dim}`);
  if (!Number.isInteger(bands) || bands < 1) throw new HyperBridgeError('HB_ERR_CONFIG', 'signature', `HB_LSH_BANDS must be a positive integer, got ${bands}`);
  if (!Number.isInteger(rows) || rows < 1 || rows > 32) throw new HyperBridgeError('HB_ERR_CONFIG', 'signature', `HB_LSH_ROWS must be 1..32, got ${rows}`);
  const normal = gaussian(mulberry32(seed));
  const planes = new Float32Array(bands * rows * dim);
  for (let i = 0; i < planes.length; i++) planes[i] = normal();

  return {
    params: { bands, rows, seed },
    dim,
    bandKeys(vector) {
      if (vector.length !== dim) {
        throw new HyperBridgeError('HB_ERR_MODEL_MISMATCH', 'signature', `vector has ${vector.length} dimensions, the index expects ${dim}`);
      }
      const keys: string[] = new Array(bands);
      for (let b = 0; b < bands; b++) {
        let bits = 0;
        for (let r = 0; r < rows; r++) {
          const base = (b * rows + r) * dim;
          let s = 0;
          for (let i = 0; i < dim; i++) s += planes[base + i]! * vector[i]!;
          if (s >= 0) bits |= 1 << r;
        }
        keys[b] = `${b}:${(bits >>> 0).toString(16)}`;
      }
      return keys;
    },
  };
}
