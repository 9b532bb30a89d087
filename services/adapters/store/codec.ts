/** Scene vectors on disk and in Redis: raw little-endian float32, so a stored vector re-ranks exactly. */
import { HyperBridgeError } from '../../lib/errors.js';

export function encodeVector(vector: Float32Array): Buffer {
  const out = Buffer.allocUnsafe(vector.length * 4);
  for (let i = 0; i < vector.length; i++) out.writeFloatLE(vector[i]!, i * 4);
  return out;
}

export function decodeVector(bytes: Buffer, dim: number): Float32Array {
  if (bytes.length !== dim * 4) {
    throw new HyperBridgeError('HB_ERR_MODEL_MISMATCH', 'store', `stored vector has ${bytes.length / 4} dimensions, expected ${dim}`);
  }
  const out = new Float32Array(dim);
  for (let i = 0; i < dim; i++) out[i] = bytes.readFloatLE(i * 4);
  return out;
}
