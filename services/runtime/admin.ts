/**
 * What the CLI's bus commands do (`topics ensure`, `produce`, `consume`, `deadletter list|redrive`), on
 * whichever transport the config selects.
 */
import { randomUUID } from 'node:crypto';
import { createBus, type Bus, type Headers, type OutRecord } from '../adapters/bus/index.js';
import type { DeadLetter, DialogueMessage } from '../core/events.js';
import type { Config } from '../lib/config.js';
import { asHyperBridgeError, type HyperBridgeError } from '../lib/errors.js';
import { createLogger, type Logger } from '../lib/logger.js';
import { stageCodec, type EventCodec } from './codec.js';
import { HEADER_REDRIVE_ID } from './headers.js';
import { rawRecordOf } from './messages.js';
import { allTopics, roleOfTopic, topicNames, type TopicRole } from './stage.js';

export interface BusCommandOptions {
  logger?: Logger;
  codec?: EventCodec;
  /** Defaults to Kafka when KAFKA_BROKERS is set. */
  transport?: 'embedded' | 'kafka';
}

async function withBus<T>(config: Config, options: BusCommandOptions, work: (bus: Bus, codec: EventCodec) => Promise<T>): Promise<T> {
  const logger = options.logger ?? createLogger(config.HB_LOG_LEVEL, { component: 'bus' });
  const bus = createBus(config, logger, options.transport);
  try {
    return await work(bus, options.codec ?? stageCodec);
  } finally {
    await bus.close();
  }
}

/** Creates the six topics (HB_PARTITIONS partitions, max.message.bytes above the text limit); idempotent. */
export async function ensureTopics(config: Config, options: BusCommandOptions = {}): Promise<string[]> {
  const topics = allTopics(config.HB_TOPIC_PREFIX);
  await withBus(config, options, (bus) => bus.ensureTopics(topics));
  return topics;
}

export interface ProduceResult {
  produced: number;
  /** Messages refused before producing (text over HB_MAX_TEXT_BYTES), with their position in the input. */
  refused: { index: number; message: DialogueMessage; error: HyperBridgeError }[];
}

const PRODUCE_BATCH = 500;

/** Produces messages to `<prefix>.dialogue.raw`, keyed by conversation id. */
export async function produceMessages(
  config: Config,
  messages: Iterable<DialogueMessage> | AsyncIterable<DialogueMessage>,
  options: BusCommandOptions & { headers?: Headers } = {},
): Promise<ProduceResult> {
  return withBus(config, options, async (bus, codec) => {
    await bus.ensureTopics(allTopics(config.HB_TOPIC_PREFIX));
    const result: ProduceResult = { produced: 0, refused: [] };
    let batch: OutRecord[] = [];
    let index = 0;
    for await (const message of messages) {
      try {
        batch.push(rawRecordOf(message, codec, config, options.headers));
      } catch (err) {
        result.refused.push({ index, message, error: asHyperBridgeError(err, 'produce') });
      }
      index++;
      if (batch.length >= PRODUCE_BATCH) {
        await bus.produce(batch);
        result.produced += batch.length;
        batch = [];
      }
    }
    await bus.produce(batch);
    result.produced += batch.length;
    return result;
  });
}

export interface ConsumedEvent {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Headers;
  kind: TopicRole | null;
  /** The decoded event, null when the record could not be decoded. */
  event: unknown;
  error: { code: string; stage: string; reason: string } | null;
}

export interface ConsumeOptions extends BusCommandOptions {
  /** Stop after this long without a record once caught up; default: run until `signal` aborts. */
  idleMs?: number;
  signal?: AbortSignal;
}

/** Reads a topic from its start (read-committed on Kafka) without moving any group's offsets. */
export async function consumeTopic(
  config: Config,
  topic: string,
  onEvent: (event: ConsumedEvent) => void | Promise<void>,
  options: ConsumeOptions = {},
): Promise<void> {
  const kind = roleOfTopic(config.HB_TOPIC_PREFIX, topic);
  await withBus(config, options, (bus, codec) =>
    bus.read(
      topic,
      async (record) => {
        const base = { topic, partition: record.partition, offset: record.offset, key: record.key, headers: record.headers };
        try {
          const decoded = codec.decode(record.value);
          await onEvent({ ...base, kind: decoded.kind, event: decoded.event, error: null });
        } catch (err) {
          await onEvent({ ...base, kind, event: null, error: asHyperBridgeError(err, 'consume').toJSON() });
        }
      },
      { idleMs: options.idleMs ?? Infinity, signal: options.signal },
    ),
  );
}

export interface ListedDeadLetter {
  partition: number;
  offset: string;
  key: string | null;
  headers: Headers;
  letter: DeadLetter;
}

/** Every dead letter on `<prefix>.deadletter`, read until the topic has been quiet for `idleMs` (default 1.5 s). */
export async function listDeadLetters(config: Config, options: ConsumeOptions = {}): Promise<ListedDeadLetter[]> {
  const letters: ListedDeadLetter[] = [];
  await consumeTopic(
    config,
    topicNames(config.HB_TOPIC_PREFIX).deadletter,
    (e) => {
      if (e.kind === 'deadletter' && e.event) letters.push({ partition: e.partition, offset: e.offset, key: e.key, headers: e.headers, letter: e.event as DeadLetter });
    },
    { idleMs: 1500, ...options },
  );
  return letters;
}

export interface RedriveResult {
  redriven: number;
  /** Dead letters that cannot be redriven (their bytes were cut at HB_MAX_TEXT_BYTES, or they are not ours). */
  skipped: { partition: number; offset: string; reason: string }[];
}

/**
 * Re-publishes dead letters to their source topics, each once: the redrive is a consumer group
 * (`<prefix>.deadletter.redrive`), transactional on Kafka, so a second redrive only takes newer letters.
 * Records a redrive publishes carry its id, and letters they cause again are passed over by that redrive (they
 * would loop); a later redrive takes them up.
 */
export async function redriveDeadLetters(config: Config, options: BusCommandOptions & { idleMs?: number } = {}): Promise<RedriveResult> {
  const redriveId = randomUUID();
  const prefix = config.HB_TOPIC_PREFIX;
  const result: RedriveResult = { redriven: 0, skipped: [] };
  await withBus(config, options, async (bus, codec) => {
    await bus.ensureTopics(allTopics(prefix));
    const handle = await bus.process(
      {
        topic: topicNames(prefix).deadletter,
        group: `${prefix}.deadletter.redrive`,
        instanceId: redriveId,
        maxInFlight: config.HB_MAX_IN_FLIGHT,
        stopWhenIdleMs: options.idleMs ?? 2000,
      },
      async (record) => {
        const skip = (reason: string): [] => {
          result.skipped.push({ partition: record.partition, offset: record.offset, reason });
          return [];
        };
        if (record.headers[HEADER_REDRIVE_ID] === redriveId) return [];
        let letter: DeadLetter;
        try {
          letter = codec.decode(record.value).event as DeadLetter;
        } catch (err) {
          return skip(`not a dead letter: ${(err as Error).message}`);
        }
        if (letter.payload.length < letter.length) return skip(`only the first ${letter.payload.length} of ${letter.length} bytes were kept`);
        if (roleOfTopic(prefix, letter.source) === null) return skip(`source ${letter.source} is not a topic of prefix ${prefix}`);
        result.redriven++;
        return [{ topic: letter.source, key: record.key ?? '', value: Buffer.from(letter.payload), headers: { ...record.headers, [HEADER_REDRIVE_ID]: redriveId } }];
      },
    );
    await handle.done;
  });
  return result;
}
