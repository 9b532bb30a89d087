/**
 * `createEmbedder(config)`: HB_EMBEDDER=static (the bundled meaning model, or the file HB_MODEL names) or
 * transformers (an ONNX model through @xenova/transformers from the folder or hub id HB_MODEL names).
 */
import type { Config } from '../../lib/config.js';
import { HyperBridgeError } from '../../lib/errors.js';
import type { Embedder, Lemmatizer } from '../../core/embed/index.js';
import { createStaticEmbedderFromFile } from './static.js';
import { createTransformersEmbedder } from './transformers.js';

export type { Embedder, EmbedInput, Lemmatizer } from '../../core/embed/index.js';
export { createStaticEmbedderFromFile } from './static.js';
export { createTransformersEmbedder } from './transformers.js';

export type EmbedderConfig = Pick<Config, 'HB_EMBEDDER' | 'HB_MODEL' | 'HB_ALLOW_REMOTE_MODELS'>;

/** `deps.lemmatizer` (e.g. the Morphology) lets the static embedder embed raw text words by their lemmas. */
export async function createEmbedder(config: EmbedderConfig, deps: { lemmatizer?: Lemmatizer } = {}): Promise<Embedder> {
  switch (config.HB_EMBEDDER) {
    case 'static':
      return createStaticEmbedderFromFile(config.HB_MODEL, deps.lemmatizer);
    case 'transformers':
      if (!config.HB_MODEL) {
        throw new HyperBridgeError('HB_ERR_CONFIG', 'embed', 'HB_MODEL: HB_EMBEDDER=transformers needs a model folder or hub id');
      }
      return createTransformersEmbedder({ model: config.HB_MODEL, allowRemoteModels: config.HB_ALLOW_REMOTE_MODELS });
    default:
      throw new HyperBridgeError('HB_ERR_CONFIG', 'embed', `HB_EMBEDDER: unknown embedder "${String(config.HB_EMBEDDER)}"`);
  }
}
