/**
 * The whole pipeline in one process, for `run`: the four stage handlers built once, and the transport the
 * configuration selects. Each stage's handler is built by its own service module, so `run` and the deployed
 * services run exactly the same handlers.
 */
import type { Config } from '../lib/config.js';
import type { Logger } from '../lib/logger.js';
import { buildIngestHandler } from '../ingest/service.js';
import { buildClassifyHandler } from '../classify/service.js';
import { buildRenderHandler } from '../render/service.js';
import { buildVerifyHandler } from '../verify/service.js';
import { runEmbeddedPipeline, type PipelineHandlers } from './embedded-pipeline.js';

export interface BuiltPipeline {
  handlers: PipelineHandlers;
  close(): Promise<void>;
}

export async function buildPipelineHandlers(config: Config, logger?: Logger): Promise<BuiltPipeline> {
  const [ingest, classify, render, verify] = await Promise.all([
    buildIngestHandler(config, logger),
    buildClassifyHandler(config, logger),
    buildRenderHandler(config, logger),
    buildVerifyHandler(config, logger),
  ]);
  return {
    handlers: { ingest: ingest.handler, classify: classify.handler, render: render.handler, verify: verify.handler },
    async close() {
      await Promise.all([ingest.close(), classify.close(), render.close(), verify.close()]);
    },
  };
}

export const runPipeline = runEmbeddedPipeline;
