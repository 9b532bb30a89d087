/**
 * The four stages on the embedded bus in this process, fed with messages and yielding each message's verified
 * event (or its error) in input order. Everything goes through the persisted topics under HB_DATA_DIR, so
 * the run keeps what it processed; a second run of the same log appends to the raw topic again and yields
 * identical results (idempotent never means skipped). The run tells its records from earlier runs' by a
 * run-id header.
 */
import { randomUUID } from 'node:crypto';
import { createBus, type InRecord, type OutRecord, type ProcessHandle } from '../adapters/bus/index.js';
import { Signal } from '../adapters/bus/signal.js';
import type { DeadLetter, DialogueMessage, SceneEvent } from '../core/events.js';
import type { Config } from '../lib/config.js';
import { asHyperBridgeError } from '../lib/errors.js';
import { createLogger, type Logger } from '../lib/logger.js';
import { stageCodec, type EventCodec } from './codec.js';
import { HEADER_RUN_ID, HEADER_RUN_INDEX } from './headers.js';
import { rawRecordOf } from './messages.js';
import { createMetrics, type StageMetrics } from './metrics.js';
import { runStage, type RunStageOptions, type StageRun } from './runner.js';
import { STAGE_NAMES, allTopics, topicNames, type IngestHandler, type SceneHandler, type StageName } from './stage.js';

const PER_MESSAGE_ERRORS: ReadonlySet<string> = new Set(['HB_ERR_TEXT_TOO_LONG', 'HB_ERR_BAD_MESSAGE']);

/** Messages per produce call; well under HB_MAX_IN_FLIGHT's default, so the embedded bus's back-pressure still acts. */
const FEED_BATCH = 100;

export interface PipelineHandlers {
  ingest: IngestHandler;
  classify: SceneHandler;
  render: SceneHandler;
  verify: SceneHandler;
}

export type PipelineResult =
  | { message: DialogueMessage; event: SceneEvent; error: null }
  | { message: DialogueMessage; event: null; error: { code: string; stage: string; reason: string } };

export interface PipelineOptions {
  /** Defaults to Kafka when KAFKA_BROKERS is set, else the embedded bus. */
  transport?: 'embedded' | 'kafka';
  logger?: Logger;
  /** Metrics and codec of the stages run in this thread; hosted ones (`buildHandlers`' worker) keep their own. */
  metrics?: StageMetrics;
  codec?: EventCodec;
}

/**
 * Who does the work of a run. On the embedded bus the run is the only process, so its stages are the stage
 * groups themselves. On Kafka, deployed `service` processes own the stage groups: the run's stages join
 * groups of their own (`<prefix>.run.<runId>.<stage>`) starting at the topics' current ends, take only records
 * carrying this run's id, and the services leave every run's records alone (`scopeOf`), so a run never steals
 * their partitions and nothing is processed twice.
 */
function pipelineScope(transport: 'embedded' | 'kafka', prefix: string, runId: string) {
  if (transport === 'embedded') {
    return {
      stage: (_stage: StageName): RunStageOptions => ({ instanceId: 'embedded' }),
      collector: (_topic: string) => ({ group: `${prefix}.run`, instanceId: 'embedded' }),
    };
  }
  return {
    stage: (stage: StageName): RunStageOptions => ({
      instanceId: runId,
      group: `${prefix}.run.${runId}.${stage}`,
      fromBeginning: false,
      accept: (headers) => headers[HEADER_RUN_ID] === runId,
    }),
    // One group per collected topic: a group's start is pinned before its first member joins.
    collector: (topic: string) => ({ group: `${prefix}.run.${runId}.${topic}`, instanceId: runId }),
  };
}

/**
 * Starts every process at once and returns them in the given order once all have started, each with its
 * failure routed to `fail`. If one cannot start, those that did are stopped before the error is thrown.
 */
async function startAll<T extends { stop(): Promise<void>; done: Promise<void> }>(starts: (() => Promise<T>)[], fail: (err: unknown) => void): Promise<T[]> {
  const settled = await Promise.allSettled(starts.map((start) => start()));
  const started = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const refused = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (refused) {
    await Promise.all(started.map((s) => s.stop()));
    throw refused.reason;
  }
  for (const s of started) s.done.catch(fail);
  return started;
}

export async function* runPipeline(
  messages: Iterable<DialogueMessage> | AsyncIterable<DialogueMessage>,
  config: Config,
  handlers: PipelineHandlers,
  options: PipelineOptions = {},
): AsyncGenerator<PipelineResult> {
  const logger = options.logger ?? createLogger(config.HB_LOG_LEVEL, { component: 'pipeline' });
  const metrics = options.metrics ?? createMetrics(undefined, false);
  const codec = options.codec ?? stageCodec;
  const topics = topicNames(config.HB_TOPIC_PREFIX);
  const runId = randomUUID();
  const window = config.HB_MAX_IN_FLIGHT;
  const bus = createBus(config, logger, options.transport);
  const scope = pipelineScope(bus.transport, config.HB_TOPIC_PREFIX, runId);

  const inputs = new Map<number, DialogueMessage>();
  const results = new Map<number, PipelineResult>();
  const arrived = new Signal();
  const yielded = new Signal();
  let next = 0;
  let total: number | null = null;
  let failure: unknown = null;
  const fail = (err: unknown): void => {
    failure ??= err;
    arrived.notify();
  };

  const stages: StageRun[] = [];
  const collectors: ProcessHandle[] = [];
  try {
    await bus.ensureTopics(allTopics(config.HB_TOPIC_PREFIX));
    // Started together: on Kafka each start is a few round trips (producer fencing, group pinning, joining).
    stages.push(...(await startAll(STAGE_NAMES.map((stage) => () => runStage(handlers[stage], bus, codec, config, metrics, logger, scope.stage(stage))), fail)));
    // A run's own consumers start at the topics' ends: wait until they hold their partitions before feeding.
    await Promise.all(stages.map((s) => s.ready));
    // Collects this run's verified events and dead letters. It never waits: holding a record here would fill the
    // topic's backlog, block the verify stage's producer and so the very result the reader waits for. Memory is
    // bounded by the feed instead, which keeps at most `window` messages between being fed and being yielded.
    const collect = async (record: InRecord): Promise<[]> => {
      if (record.headers[HEADER_RUN_ID] !== runId) return [];
      const index = Number(record.headers[HEADER_RUN_INDEX]);
      const message = inputs.get(index)!;
      const decoded = codec.decode(record.value);
      if (decoded.kind === 'deadletter') {
        const letter = decoded.event as DeadLetter;
        results.set(index, { message, event: null, error: { code: letter.code, stage: letter.stage, reason: letter.reason } });
      } else {
        results.set(index, { message, event: decoded.event as SceneEvent, error: null });
      }
      arrived.notify();
      return [];
    };
    collectors.push(
      ...(await startAll(
        [topics.verified, topics.deadletter].map((topic) => () => bus.process({ topic, ...scope.collector(topic), maxInFlight: window, fromBeginning: false }, collect)),
        fail,
      )),
    );

    const feed = (async () => {
      let index = 0;
      // Produced in batches: one Kafka round trip per message would bound a run to a few dozen messages/s.
      let batch: OutRecord[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const sending = batch;
        batch = [];
        await bus.produce(sending);
      };
      for await (const message of messages) {
        if (index >= next + window) {
          await flush();
          while (index >= next + window && failure === null) await yielded.wait();
        }
        inputs.set(index, message);
        try {
          batch.push(rawRecordOf(message, codec, config, { [HEADER_RUN_ID]: runId, [HEADER_RUN_INDEX]: String(index) }));
        } catch (err) {
          // A message the codec or the size limit refuses yields its error in place; anything else stops the run.
          const error = asHyperBridgeError(err, 'ingest');
          if (!PER_MESSAGE_ERRORS.has(error.code)) throw err;
          results.set(index, { message, event: null, error: error.toJSON() });
          arrived.notify();
        }
        index++;
        if (batch.length >= FEED_BATCH) await flush();
      }
      await flush();
      total = index;
      arrived.notify();
    })();
    feed.catch(fail);

    while (total === null || next < total) {
      if (failure !== null) throw failure;
      const result = results.get(next);
      if (!result) {
        await arrived.wait(1000);
        continue;
      }
      results.delete(next);
      inputs.delete(next);
      next++;
      yielded.notify();
      yield result;
    }
  } finally {
    failure ??= new Error('pipeline closed');
    yielded.notify();
    for (const run of stages) await run.stop();
    for (const handle of collectors) await handle.stop();
    await bus.close();
  }
}
