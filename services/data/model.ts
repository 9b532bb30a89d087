/** Reads the static meaning model from disk and hands the bytes to the pure parser in services/core/embed. */
import { readFileSync } from 'node:fs';
import { HyperBridgeError } from '../lib/errors.js';
import { rootPath } from '../lib/paths.js';
import { parseStaticModel, type StaticModel } from '../core/embed/index.js';

/** The shipped default: the best variant (see models/README.md for its sources and licence). */
export const BUNDLED_MODEL = 'models/hb-static-full-v1.bin';

export function loadStaticModel(file?: string | null): StaticModel {
  const path = file ? file : rootPath(BUNDLED_MODEL);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new HyperBridgeError('HB_ERR_MODEL_LOAD', 'embed', `cannot read the static model ${path}: ${(err as Error).message}`, { cause: err });
  }
  return parseStaticModel(bytes);
}
