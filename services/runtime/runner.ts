/**
 * The stage runner: for each record of the stage's input topic, decode (Avro), call the handler, encode, and
 * hand the bus the output keyed by conversation id, which it writes and commits together with the input
 * offset. A record the stage cannot process (bytes that are not Avro, an unknown fingerprint, a
 * HyperBridgeError from the handler) goes to the dead-letter topic instead and the stage goes on; retriable
 * errors are retried with back-off first. Headers travel with the record (run id, sequence), so a `run` can
 * tell its own outputs and dead letters from others'.
 */
import { hostname } from 'node:os';
import type { Bus, Headers, InRecord, OutRecord, ProcessHandle, Processor } from '../adapters/bus/index.js';
import type { SceneEvent } from '../core/events.js';
import type { Config } from '../lib/config.js';
import { HyperBridgeError, asHyperBridgeError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { EventCodec } from './codec.js';
import { deadLetterOf } from './dead-letter.js';
import type { StageMetrics } from './metrics.js';
import type { HostedStageHandler } from './stage-worker.js';
import { withRetry, type RetryPolicy } from './retry.js';
import { STAGE_TABLE, groupOf, topicNames, type AnyStageHandler } from './stage.js';

export interface StageRun {
  /** Resolves once the consumer has joined its group. */
  readonly ready: Promise<void>;
  isReady(): boolean;
  /** Stop fetching, finish and commit what is in flight. */
  stop(): Promise<void>;
  /** Settles when the loop ends; rejects on a fatal bus error. */
  readonly done: Promise<void>;
}

export interface RunStageOptions {
  /** Defaults to HB_INSTANCE_ID, else the host name. */
  instanceId?: string;
  /** Consumer group; defaults to `<prefix>.<stage>`. */
  group?: string;
  retry?: RetryPolicy;
  /** Where a group with no committed offsets starts (default: the oldest record). */
  fromBeginning?: boolean;
  /**
   * Which records this instance works on; the others are committed without output. `run` on Kafka takes only
   * its own run's records, deployed services leave every run's records to that run (see `scopeOf`).
   */
  accept?: (headers: Headers) => boolean;
}

/** The per-record work of a stage, independent of the transport. */
export function stageProcessor(handler: AnyStageHandler, codec: EventCodec, config: Config, metrics: StageMetrics, logger: Logger, retry?: RetryPolicy): Processor {
  const { stage } = handler;
  const spec = STAGE_TABLE[stage];
  const topics = topicNames(config.HB_TOPIC_PREFIX);
  const process = handler.process.bind(handler) as (input: unknown) => Promise<SceneEvent>;

  const deadLetter = (record: InRecord, error: HyperBridgeError): OutRecord[] => {
    metrics.errors.inc({ stage, code: error.code });
    metrics.deadLetters.inc({ stage, code: error.code });
    logger.warn({ code: error.code, reason: error.message, topic: record.topic, partition: record.partition, offset: record.offset }, 'dead-lettered');
    const letter = deadLetterOf(error, stage, record.topic, record.value, config.HB_MAX_TEXT_BYTES);
    return [{ topic: topics.deadletter, key: record.key ?? '', value: codec.encode('deadletter', letter), headers: record.headers }];
  };

  return async (record) => {
    const started = performance.now();
    try {
      const decoded = codec.decode(record.value);
      if (decoded.kind !== spec.input) {
        throw new HyperBridgeError('HB_ERR_BAD_MESSAGE', stage, `a ${decoded.kind} record does not belong on ${record.topic}`);
      }
      const output = await withRetry(() => process(decoded.event), retry, () => metrics.retries.inc({ stage }));
      const value = codec.encode(spec.output, output);
      metrics.messages.inc({ stage });
      metrics.latency.observe({ stage }, (performance.now() - started) / 1000);
      return [{ topic: topics[spec.output], key: output.message.conversationId, value, headers: record.headers }];
    } catch (err) {
      return deadLetter(record, asHyperBridgeError(err, stage));
    }
  };
}

function acceptOnly(accept: RunStageOptions['accept'], processor: Processor): Processor {
  return accept ? async (record) => (accept(record.headers) ? processor(record) : []) : processor;
}

/**
 * Runs a stage on the bus. A hosted handler (a stage in a worker thread, see stage-worker.ts) brings its own
 * per-record work, the same `stageProcessor` run where the handler lives, with its own codec and metrics.
 */
export async function runStage(
  handler: AnyStageHandler,
  bus: Bus,
  codec: EventCodec,
  config: Config,
  metrics: StageMetrics,
  logger: Logger,
  options: RunStageOptions = {},
): Promise<StageRun> {
  const { stage } = handler;
  const topics = topicNames(config.HB_TOPIC_PREFIX);
  const spec = STAGE_TABLE[stage];
  let ready = false;
  let markReady!: () => void;
  const readyPromise = new Promise<void>((resolve) => (markReady = resolve));
  const handle: ProcessHandle = await bus.process(
    {
      topic: topics[spec.input],
      group: options.group ?? groupOf(config.HB_TOPIC_PREFIX, stage),
      instanceId: options.instanceId ?? config.HB_INSTANCE_ID ?? hostname(),
      maxInFlight: config.HB_MAX_IN_FLIGHT,
      fromBeginning: options.fromBeginning,
      onReady: () => {
        if (!ready) logger.info({ stage, transport: bus.transport }, 'stage consumer joined its group');
        ready = true;
        markReady();
      },
    },
    acceptOnly(options.accept, 'processor' in handler ? (handler as HostedStageHandler).processor : stageProcessor(handler, codec, config, metrics, logger.child({ stage }), options.retry)),
  );
  return { ready: readyPromise, isReady: () => ready, stop: () => handle.stop(), done: handle.done };
}
