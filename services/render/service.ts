/** The render stage as a service: the shipped lexicon, morphology and phrase books. */
import type { Config } from '../lib/config.js';
import type { Logger } from '../lib/logger.js';
import type { BuiltHandler } from '../runtime/service.js';
import { renderDeps } from '../runtime/stage-deps.js';
import { createRenderHandler } from './handler.js';

export async function buildRenderHandler(_config: Config, _logger?: Logger): Promise<BuiltHandler<'render'>> {
  return { handler: createRenderHandler(await renderDeps()), close: async () => undefined };
}

