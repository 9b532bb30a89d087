/** The verify stage as a service: decoding needs the render data and the meaning model's word vectors. */
import type { Config } from '../lib/config.js';
import type { Logger } from '../lib/logger.js';
import type { BuiltHandler } from '../runtime/service.js';
import { embedderOf, renderDeps } from '../runtime/stage-deps.js';
import { createVerifyHandler } from './handler.js';

export async function buildVerifyHandler(config: Config, _logger?: Logger): Promise<BuiltHandler<'verify'>> {
  const [deps, embedder] = await Promise.all([renderDeps(), embedderOf(config)]);
  return { handler: createVerifyHandler({ ...deps, vectors: embedder, config }), close: async () => undefined };
}

