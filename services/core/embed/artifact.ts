/**
 * Parses the static model artifact (format in models/README.md) from bytes. Pure: the loader in
 * services/data/model.ts reads the file. Vectors stay int8 in memory (a quarter of float32) and are
 * dequantised on look-up.
 */
import { createHash } from 'node:crypto';
import { HyperBridgeError } from '../../lib/errors.js';

export const ARTIFACT_MAGIC = 'HBSM';
export const ARTIFACT_VERSION = 1;

export interface StaticModelHeader {
  name: string;
  variant: string;
  dim: number;
  count: number;
  holdout: string | null;
  sources: { name: string; licence: string; edges: number }[];
  [extra: string]: unknown;
}

export interface StaticModel {
  readonly header: StaticModelHeader;
  /** `<name>-v<format>@<first 12 hex of the artifact's SHA-256>`: vectors of different artifacts never mix. */
  readonly modelId: string;
  readonly dim: number;
  readonly keys: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly vectors: Int8Array;
  /** Per-vector factor that makes int8 × factor exactly unit length (the file's scale, renormalised at load). */
  readonly scales: Float32Array;
  /** Zipf frequency ×10 per key (0 = unknown). */
  readonly zipf: Uint8Array;
}

function bad(reason: string): never {
  throw new HyperBridgeError('HB_ERR_MODEL_LOAD', 'embed', `not a HyperBridge static model: ${reason}`);
}

export function parseStaticModel(bytes: Uint8Array): StaticModel {
  if (bytes.byteLength < 12) bad(`${bytes.byteLength} bytes is too short`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== ARTIFACT_MAGIC) bad(`magic "${magic}"`);
  const version = view.getUint32(4, true);
  if (version !== ARTIFACT_VERSION) bad(`format version ${version}, this reader knows ${ARTIFACT_VERSION}`);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.byteLength) bad('truncated header');
  let header: StaticModelHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as StaticModelHeader;
  } catch {
    return bad('header is not JSON');
  }
  const { dim, count } = header;
  if (!Number.isInteger(dim) || dim <= 0 || !Number.isInteger(count) || count <= 0) bad('bad dim or count');
  let at = 12 + headerLength;
  const need = at + count * dim + count * 4 + count;
  if (need > bytes.byteLength) bad(`truncated: ${bytes.byteLength} bytes, vectors need ${need}`);
  const vectors = new Int8Array(bytes.buffer, bytes.byteOffset + at, count * dim);
  at += count * dim;
  // Copy: a Float32Array view needs an aligned offset, which a Buffer slice of a larger pool may not give.
  const scales = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    // int8 rounding moves a vector off unit length; folding the exact norm into its scale keeps look-ups one pass
    let sum = 0;
    for (let d = i * dim, end = d + dim; d < end; d++) sum += vectors[d]! * vectors[d]!;
    const scale = view.getFloat32(at + 4 * i, true);
    if (!(scale > 0) || sum === 0) bad(`vector ${i} is empty or has scale ${scale}`);
    scales[i] = 1 / Math.sqrt(sum);
  }
  at += 4 * count;
  const zipf = bytes.subarray(at, at + count);
  at += count;
  const keys = new TextDecoder().decode(bytes.subarray(at)).split('\n');
  if (keys.length !== count) bad(`${keys.length} keys for ${count} vectors`);
  const index = new Map<string, number>();
  keys.forEach((k, i) => index.set(k, i));
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  return { header, modelId: `${header.name}-v${version}@${hash}`, dim, keys, index, vectors, scales, zipf };
}
