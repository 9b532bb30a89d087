/** The classify stage as a service: the meaning model, the tension model trained on it, and the signature store. */
import { createSignatureStore } from '../adapters/store/index.js';
import { loadTensionModel } from '../data/tension.js';
import type { Config } from '../lib/config.js';
import type { Logger } from '../lib/logger.js';
import type { BuiltHandler } from '../runtime/service.js';
import { embedderOf } from '../runtime/stage-deps.js';
import { createClassifyHandler } from './handler.js';

export async function buildClassifyHandler(config: Config, logger?: Logger): Promise<BuiltHandler<'classify'>> {
  const embedder = await embedderOf(config);
  const tensionModel = await loadTensionModel(embedder);
  const store = await createSignatureStore(config, embedder, { logger });
  return { handler: createClassifyHandler({ embedder, tensionModel, store, logger }), close: () => store.close() };
}

