/**
 * The transformers embedder: any ONNX feature-extraction model through @xenova/transformers, mean-pooled and
 * normalised. Offline unless HB_ALLOW_REMOTE_MODELS: a local folder (absolute or relative path) is loaded
 * from disk and nothing is downloaded at run time.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { HyperBridgeError } from '../../lib/errors.js';
import type { EmbedInput, Embedder } from '../../core/embed/index.js';

export interface TransformersOptions {
  /** A local model folder (config.json, tokenizer.json, onnx/model.onnx) or, where the network allows, a hub id. */
  model: string;
  allowRemoteModels: boolean;
}

type Extractor = (texts: string[], opts: { pooling: 'mean'; normalize: boolean }) => Promise<{ data: Float32Array; dims: number[] }>;

export async function createTransformersEmbedder(opts: TransformersOptions): Promise<Embedder> {
  const { pipeline, env } = await import('@xenova/transformers');
  env.allowRemoteModels = opts.allowRemoteModels;
  let modelName = opts.model;
  const folder = resolve(opts.model);
  if (existsSync(folder)) {
    // transformers.js resolves a local model as <localModelPath>/<name>/…
    env.allowLocalModels = true;
    env.localModelPath = dirname(folder) + '/';
    modelName = basename(folder);
  } else if (!opts.allowRemoteModels) {
    throw new HyperBridgeError('HB_ERR_MODEL_LOAD', 'embed', `no model folder at ${folder}, and HB_ALLOW_REMOTE_MODELS is off`);
  }
  let extract: Extractor;
  try {
    extract = (await pipeline('feature-extraction', modelName, { quantized: false })) as unknown as Extractor;
  } catch (err) {
    throw new HyperBridgeError('HB_ERR_MODEL_LOAD', 'embed', `cannot load transformer model ${opts.model}: ${(err as Error).message}`, { cause: err });
  }
  // Probe once for the output width, so `dim` is known before the first real call.
  const probe = await extract(['probe'], { pooling: 'mean', normalize: true });
  const dim = probe.dims[probe.dims.length - 1]!;
  const modelId = `transformers:${opts.model}`;

  async function embedBatch(inputs: EmbedInput[]): Promise<Float32Array[]> {
    for (const input of inputs) {
      if (!input || typeof input.text !== 'string') {
        throw new HyperBridgeError('HB_ERR_BAD_MESSAGE', 'embed', 'embed input needs {text: string}');
      }
      if (input.text.trim() === '') throw new HyperBridgeError('HB_ERR_EMPTY_INPUT', 'embed');
    }
    if (inputs.length === 0) return [];
    const out = await extract(inputs.map((i) => i.text), { pooling: 'mean', normalize: true });
    return inputs.map((_, k) => Float32Array.from(out.data.subarray(k * dim, (k + 1) * dim)));
  }

  return {
    modelId,
    dim,
    embed: async (input) => (await embedBatch([input]))[0]!,
    embedBatch,
    lemmaVector: () => null,
  };
}
