/**
 * Shared by eval/render.eval.ts and bench/render.bench.ts: the shipped lexicon, morphology, phrase books and
 * scene compression, and the meaning model when one is installed (decoding by meaning needs its word vectors).
 */
import { loadRenderDeps } from '../services/data/render.js';
import { loadSceneDeps } from '../services/data/lexicon.js';
import { compressScene } from '../services/core/scene/index.js';
import { createEmbedder } from '../services/adapters/embedder/index.js';
import type { Scene } from '../services/core/types.js';
import type { LemmaVectorsPort, RenderDeps } from '../services/core/render/index.js';
import type { DecodeDeps } from '../services/core/decode/index.js';
import type { VerifyDeps } from '../services/core/verify/index.js';

export type EvalDeps = RenderDeps & DecodeDeps & VerifyDeps & { books: RenderDeps['books']; toScene(id: string, text: string): Scene; meaningModel: string };

export async function loadEvalDeps(): Promise<EvalDeps> {
  const [base, sceneDeps] = await Promise.all([loadRenderDeps(), loadSceneDeps()]);
  let vectors: LemmaVectorsPort | null = null;
  let meaningModel = 'none';
  try {
    const embedder = await createEmbedder({ HB_EMBEDDER: 'static', HB_MODEL: null, HB_ALLOW_REMOTE_MODELS: false }, { lemmatizer: base.morph });
    vectors = embedder;
    meaningModel = embedder.modelId;
  } catch (err) {
    process.stderr.write(`render eval: no meaning model (${(err as Error).message}); decoding by lexicon only\n`);
  }
  return {
    ...base,
    vectors,
    meaningModel,
    thresholds: { lossless: 1, min: 0.8 },
    toScene: (id, text) => compressScene({ id, text }, sceneDeps, { maxTextBytes: 65536 }),
  };
}
