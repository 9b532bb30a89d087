/** Scene vectors on disk and in Redis: raw little-endian float32, so a stored vector re-ranks exactly. */
import { HyperBridgeError } from '../../lib/errors.js';

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function encodeVector(vector: Float32Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength));
  const out = Buffer.allocUnsafe(vector.length * 4);
  for (let i = 0; i < vector.length; i++) out.writeFloatLE(vector[i]!, i * 4);
  return out;
}

/** Decodes `bytes` into `into` (whose length is the dimension). */
export function decodeVectorInto(bytes: Buffer, into: Float32Array): Float32Array {
  if (bytes.length !== into.length * 4) {
    throw new HyperBridgeError('HB_ERR_MODEL_MISMATCH', 'store', `stored vector has ${bytes.length / 4} dimensions, expected ${into.length}`);
  }
  // A byte copy into the target's own aligned memory: a Buffer from a socket may sit at any offset of a shared pool.
  if (LITTLE_ENDIAN) new Uint8Array(into.buffer, into.byteOffset, into.byteLength).set(bytes);
  else for (let i = 0; i < into.length; i++) into[i] = bytes.readFloatLE(i * 4);
  return into;
}

export function decodeVector(bytes: Buffer, dim: number): Float32Array {
  return decodeVectorInto(bytes, new Float32Array(dim));
}
