/**
 * A stage as a deployed service: its handler on the configured bus, metrics and probes on HB_METRICS_PORT,
 * and a clean stop on SIGTERM/SIGINT (stop fetching, finish what is in flight, commit, exit 0).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createBus } from '../adapters/bus/index.js';
import type { Config } from '../lib/config.js';
import { HyperBridgeError } from '../lib/errors.js';
import { createLogger, type Logger } from '../lib/logger.js';
import { stageCodec } from './codec.js';
import { HEADER_RUN_ID } from './headers.js';
import type { PipelineHandlers } from './pipeline.js';
import { createMetrics, startMetricsServer, type StageMetrics } from './metrics.js';
import { runStage, type StageRun } from './runner.js';
import { startStageWorker } from './stage-worker.js';
import { STAGE_NAMES, allTopics, type IngestHandler, type SceneHandler, type StageName } from './stage.js';

/** A stage's handler as built from the shipped data and the config, with what must be closed after it. */
export interface BuiltHandler<S extends StageName = StageName> {
  handler: S extends 'ingest' ? IngestHandler : SceneHandler;
  close(): Promise<void>;
}

export interface RunningService {
  stage: StageName;
  run: StageRun;
  metrics: StageMetrics;
  /** The port /metrics, /healthz and /readyz listen on, null when HB_METRICS_PORT is unset. */
  metricsPort: number | null;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  logger?: Logger;
  /** Stop and exit 0 on SIGTERM/SIGINT (default true). */
  handleSignals?: boolean;
}

export async function runService(built: BuiltHandler, config: Config, options: ServiceOptions = {}): Promise<RunningService> {
  const { handler } = built;
  const { stage } = handler;
  const logger = options.logger ?? createLogger(config.HB_LOG_LEVEL, { service: stage });
  const bus = createBus(config, logger);
  const metrics = createMetrics();
  let server: Server | null = null;
  let run: StageRun;
  try {
    await bus.ensureTopics(allTopics(config.HB_TOPIC_PREFIX));
    // Records of a `run` belong to that run's own stages (see pipeline.ts): a service leaves them alone.
    run = await runStage(handler, bus, stageCodec, config, metrics, logger, { accept: (headers) => headers[HEADER_RUN_ID] === undefined });
    if (config.HB_METRICS_PORT !== null) server = await startMetricsServer(config.HB_METRICS_PORT, metrics.registry, { ready: () => run.isReady() });
  } catch (err) {
    await bus.close().catch(() => undefined);
    await built.close().catch(() => undefined);
    if (err instanceof HyperBridgeError) throw err;
    throw new HyperBridgeError('HB_ERR_BUS_UNAVAILABLE', stage, `cannot start the ${stage} service: ${(err as Error).message}`, { cause: err });
  }

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      logger.info({ stage }, 'stopping: finishing in-flight records');
      await run.stop();
      await bus.close();
      await built.close();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      logger.info({ stage }, 'stopped');
    })();
    return stopping;
  };
  if (options.handleSignals !== false) {
    const onSignal = (signal: string): void => {
      logger.info({ stage, signal }, 'signal received');
      stop().then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ stage, err }, 'stop failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  run.done.catch((err: unknown) => {
    logger.fatal({ stage, err }, 'stage consumer failed');
    process.exitCode = 1;
    void stop();
  });
  const metricsPort = server ? (server.address() as AddressInfo).port : null;
  return { stage, run, metrics, metricsPort, stop };
}

type BuildHandler = (config: Config, logger?: Logger) => Promise<BuiltHandler>;

/** Loaded on demand: each stage process loads only its own models and data. */
const BUILDERS: Record<StageName, () => Promise<BuildHandler>> = {
  ingest: async () => (await import('../ingest/service.js')).buildIngestHandler,
  classify: async () => (await import('../classify/service.js')).buildClassifyHandler,
  render: async () => (await import('../render/service.js')).buildRenderHandler,
  verify: async () => (await import('../verify/service.js')).buildVerifyHandler,
};

export async function buildHandler(stage: StageName, config: Config, logger?: Logger): Promise<BuiltHandler> {
  return (await BUILDERS[stage]())(config, logger);
}

/**
 * The stages the embedded pipeline hosts in a worker thread; the main thread keeps the bus, the feed, the
 * collector, ingest and classify (with its signature store). Per message, render and verify cost about as much
 * as ingest, classify and the bus together. Against ingest, render and verify in the worker, this split saves a
 * round trip to the worker per message (slightly less CPU per message, at the same rate within the machine's
 * noise). A second worker ran slower (974 against 1,189–1,305 msg/s): a third isolate adds its own compiling
 * and memory and competes for the same two cores.
 */
const WORKER_STAGES: readonly StageName[] = ['render', 'verify'];

/** The four handlers for the embedded pipeline (`runPipeline`), and one `close` for all of them. */
export async function buildHandlers(config: Config, logger?: Logger): Promise<{ handlers: PipelineHandlers; close(): Promise<void> }> {
  const worker = await startStageWorker(WORKER_STAGES, config, logger);
  const built: BuiltHandler[] = [];
  try {
    for (const stage of STAGE_NAMES) if (!WORKER_STAGES.includes(stage)) built.push(await buildHandler(stage, config, logger));
  } catch (err) {
    await Promise.all([...built.map((b) => b.close()), worker.close()]);
    throw err;
  }
  const byStage = new Map([...built.map((b) => b.handler), ...worker.handlers].map((h) => [h.stage, h]));
  const handler = (stage: StageName) => byStage.get(stage)!;
  return {
    handlers: { ingest: handler('ingest') as IngestHandler, classify: handler('classify') as SceneHandler, render: handler('render') as SceneHandler, verify: handler('verify') as SceneHandler },
    close: async () => void (await Promise.all([...built.map((b) => b.close()), worker.close()])),
  };
}

/** `hyperbridge service <stage>`. */
export async function startService(stage: StageName, config: Config, options: ServiceOptions = {}): Promise<RunningService> {
  return runService(await buildHandler(stage, config, options.logger), config, options);
}
