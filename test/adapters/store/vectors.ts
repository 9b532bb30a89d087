/** Small synthetic vectors: seeded random unit vectors and noisy copies of them. */
import { gaussian, mulberry32, normalize } from '../../../services/core/signature/index.js';

export const DIM = 32;

export function vectorSource(seed: number) {
  const normal = gaussian(mulberry32(seed));
  return {
    random(): Float32Array {
      return normalize(Float32Array.from({ length: DIM }, () => normal()));
    },
    near(v: Float32Array, noise: number): Float32Array {
      return normalize(v.map((x) => x + noise * normal()));
    },
  };
}
