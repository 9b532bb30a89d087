/** The ingest stage as a service: its handler with the shipped lexicon and word model, on the bus. */
import { loadSceneDeps } from '../data/lexicon.js';
import type { Config } from '../lib/config.js';
import type { Logger } from '../lib/logger.js';
import type { BuiltHandler } from '../runtime/service.js';
import { createIngestHandler } from './handler.js';

export async function buildIngestHandler(config: Config, logger?: Logger): Promise<BuiltHandler<'ingest'>> {
  const handler = createIngestHandler({ scene: await loadSceneDeps(), maxTextBytes: config.HB_MAX_TEXT_BYTES, logger });
  return { handler, close: async () => undefined };
}

