/** Scene vectors on disk and in Redis: raw little-endian float32, so a stored vector re-ranks exactly. */
import { HyperBridgeError } from '../../lib/errors.js';

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function encodeVector(vector: Float32Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength));
  const out = Buffer.allocUnsafe(vector.length * 4);
  for (let i = 0; i < vector.length; i++) out.writeFloatLE(vector[i]!, i * 4);
  return out;
}

export function decodeVector(bytes: Buffer, dim: number): Float32Array {
  if (bytes.length !== dim * 4) {
    throw new HyperBridgeError('HB_ERR_MODEL_MISMATCH', 'store', `stored vector has ${bytes.length / 4} dimensions, expected ${dim}`);
  }
  if (LITTLE_ENDIAN) {
    // Copy into a fresh, aligned buffer: a Buffer from a socket may sit at any offset of a shared pool.
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    return new Float32Array(copy.buffer);
  }
  const out = new Float32Array(dim);
  for (let i = 0; i < dim; i++) out[i] = bytes.readFloatLE(i * 4);
  return out;
}
