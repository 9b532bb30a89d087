/**
 * The Kafka transport (kafkajs). Each `process` loop is consume → process → produce inside one Kafka
 * transaction per chunk of a fetched batch: outputs are sent by a transactional producer whose id is stable per
 * group and instance (so a restarted instance fences its killed predecessor and aborts its open transaction),
 * the input offsets go into the same transaction with `sendOffsets`, auto-commit is off and consumers read
 * committed records only. A stage killed at any point therefore neither loses nor doubles an output.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, type CompressionTypes, type Consumer, type IHeaders, type KafkaMessage, type Producer } from 'kafkajs';
import type { Logger } from '../../../lib/logger.js';
import type { Bus, Headers, InRecord, OutRecord, ProcessHandle, ProcessSpec, Processor, ReadOptions } from '../types.js';

export interface KafkaBusOptions {
  partitions: number;
  /** Topic-level max.message.bytes of created topics. */
  maxMessageBytes: number;
  compression: CompressionTypes;
  sessionTimeoutMs: number;
  transactionTimeoutMs: number;
}

/** Records per transaction: large enough to amortise the commit, small enough to keep rebalances quick. */
const CHUNK = 250;

function isFenced(err: unknown): boolean {
  const e = err as { type?: string; message?: string; originalError?: unknown } | null;
  if (!e) return false;
  return /PRODUCER_FENCED|INVALID_PRODUCER_EPOCH|fenced/i.test(`${e.type ?? ''} ${e.message ?? ''}`) || (e.originalError !== undefined && isFenced(e.originalError));
}

function headersOf(headers: IHeaders | undefined): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? String(value[0] ?? '') : Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return out;
}

function inRecordOf(topic: string, partition: number, message: KafkaMessage): InRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString('utf8') : null,
    value: message.value ?? Buffer.alloc(0),
    headers: headersOf(message.headers),
  };
}

function topicMessagesOf(records: readonly OutRecord[]) {
  const byTopic = new Map<string, { key: string; value: Buffer; headers: Headers }[]>();
  for (const r of records) {
    let list = byTopic.get(r.topic);
    if (!list) byTopic.set(r.topic, (list = []));
    list.push({ key: r.key, value: r.value, headers: r.headers });
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

export class KafkaBus implements Bus {
  readonly transport = 'kafka' as const;
  readonly transactional = true;
  private readonly kafka: Kafka;
  private producer: Producer | null = null;
  private readonly handles = new Set<ProcessHandle>();

  constructor(config: ConstructorParameters<typeof Kafka>[0], private readonly options: KafkaBusOptions, private readonly logger: Logger) {
    this.kafka = new Kafka(config);
  }

  async ensureTopics(topics: readonly string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((t) => !existing.has(t));
      if (missing.length === 0) return;
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: this.options.partitions,
          configEntries: [{ name: 'max.message.bytes', value: String(this.options.maxMessageBytes) }],
        })),
      });
    } catch (err) {
      // A concurrent `topics ensure` may have created them first; that is success.
      if ((err as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw err;
    } finally {
      await admin.disconnect();
    }
  }

  private async plainProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  async produce(records: readonly OutRecord[]): Promise<void> {
    if (records.length === 0) return;
    const producer = await this.plainProducer();
    await producer.sendBatch({ topicMessages: topicMessagesOf(records), acks: -1, compression: this.options.compression });
  }

  /**
   * kafkajs resolves "latest" only at its first fetch after joining, so records produced between `process()`
   * and that fetch would be skipped. A group with no committed offsets is pinned to the topic's end as it is
   * now instead, so that every record produced after `process()` returns is seen. The offsets go in through the
   * stage's own transactional producer: kafkajs's admin `setOffsets` joins the group with a paused consumer and
   * waits out a whole fetch wait (about 5 s) before it returns.
   */
  private async startFreshGroupAtEnd(groupId: string, topic: string, producer: Producer): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      // A broker that has just started answers "coordinator loading" for a while; kafkajs marks it retriable.
      for (let attempt = 0; ; attempt++) {
        try {
          const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
          if (committed?.partitions.some((p) => p.offset !== '-1')) return;
          const ends = await admin.fetchTopicOffsets(topic);
          const transaction = await producer.transaction();
          try {
            await transaction.sendOffsets({ consumerGroupId: groupId, topics: [{ topic, partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })) }] });
            await transaction.commit();
          } catch (err) {
            await transaction.abort().catch(() => undefined);
            throw err;
          }
          return;
        } catch (err) {
          if (!(err as { retriable?: boolean }).retriable || attempt >= 20) throw err;
          await new Promise((resolve) => setTimeout(resolve, Math.min(200 * 2 ** attempt, 2000)));
        }
      }
    } finally {
      await admin.disconnect();
    }
  }

  async process(spec: ProcessSpec, processor: Processor): Promise<ProcessHandle> {
    const consumer = this.kafka.consumer({
      groupId: spec.group,
      readUncommitted: false,
      sessionTimeout: this.options.sessionTimeoutMs,
      rebalanceTimeout: Math.max(this.options.sessionTimeoutMs, 10000),
      heartbeatInterval: Math.max(500, Math.floor(this.options.sessionTimeoutMs / 10)),
      maxWaitTimeInMs: 200,
      // A fenced producer means a newer instance with the same id took over: stop instead of restarting.
      retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 5000, restartOnFailure: async (err: Error) => !isFenced(err) },
    });
    const producer = this.kafka.producer({
      transactionalId: `${spec.group}.${spec.instanceId}`,
      idempotent: true,
      maxInFlightRequests: 1,
      transactionTimeout: this.options.transactionTimeoutMs,
      createPartitioner: Partitioners.DefaultPartitioner,
      // Right after a commit the broker answers the next transaction "concurrent transactions" until the commit
      // has settled (tens of ms); kafkajs's default first retry of 300 ms would make that the pace of a stage.
      retry: { initialRetryTime: 20, maxRetryTime: 1000, retries: 12 },
    });
    await producer.connect();
    // kafkajs initialises the transactional id lazily: do it now, so a predecessor killed mid-transaction is
    // fenced and its open transaction aborted at start instead of blocking read-committed readers until it times out.
    await (await producer.transaction()).abort();
    if (spec.fromBeginning === false) await this.startFreshGroupAtEnd(spec.group, spec.topic, producer);
    await consumer.connect();
    await consumer.subscribe({ topic: spec.topic, fromBeginning: spec.fromBeginning !== false });

    let inFlight = 0;
    let paused = false;
    let lastActivity = Date.now();
    // One transaction at a time per producer; processing of different partitions still overlaps.
    let transactions: Promise<unknown> = Promise.resolve();
    const serial = <T>(work: () => Promise<T>): Promise<T> => {
      const next = transactions.then(work);
      transactions = next.catch(() => undefined);
      return next;
    };
    const admit = (n: number): void => {
      inFlight += n;
      if (!paused && inFlight >= spec.maxInFlight) {
        paused = true;
        consumer.pause([{ topic: spec.topic }]);
      }
    };
    const release = (n: number): void => {
      inFlight -= n;
      if (paused && inFlight < spec.maxInFlight) {
        paused = false;
        consumer.resume([{ topic: spec.topic }]);
      }
    };

    let settle!: { resolve: () => void; reject: (err: unknown) => void };
    const ended = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    consumer.on(consumer.events.GROUP_JOIN, () => spec.onReady?.());
    consumer.on(consumer.events.CRASH, (event) => {
      if (!event.payload.restart) settle.reject(event.payload.error);
    });

    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 3,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        lastActivity = Date.now();
        const chunkSize = Math.max(1, Math.min(CHUNK, spec.maxInFlight));
        for (let start = 0; start < batch.messages.length; start += chunkSize) {
          if (!isRunning() || isStale()) return;
          const chunk = batch.messages.slice(start, start + chunkSize);
          admit(chunk.length);
          try {
            const outputs: OutRecord[] = [];
            for (const message of chunk) outputs.push(...(await processor(inRecordOf(batch.topic, batch.partition, message))));
            const last = chunk[chunk.length - 1]!;
            await serial(async () => {
              // A partition taken away during processing is redone by its new owner; committing here would double it.
              if (isStale()) return;
              const transaction = await producer.transaction();
              try {
                if (outputs.length > 0) {
                  await transaction.sendBatch({ topicMessages: topicMessagesOf(outputs), acks: -1, compression: this.options.compression });
                }
                await transaction.sendOffsets({
                  consumerGroupId: spec.group,
                  topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() }] }],
                });
                await transaction.commit();
              } catch (err) {
                await transaction.abort().catch(() => undefined);
                throw err;
              }
              resolveOffset(last.offset);
            });
          } finally {
            release(chunk.length);
          }
          lastActivity = Date.now();
          await heartbeat();
        }
      },
    });

    let idleTimer: NodeJS.Timeout | undefined;
    let stopping: Promise<void> | null = null;
    const stop = (): Promise<void> => {
      stopping ??= (async () => {
        if (idleTimer) clearInterval(idleTimer);
        // consumer.stop waits for the batch in hand, whose chunk loop commits and returns.
        await consumer.stop();
        await consumer.disconnect();
        await producer.disconnect();
        this.handles.delete(handle);
        settle.resolve();
      })();
      return stopping;
    };
    if (spec.stopWhenIdleMs !== undefined) {
      const idleMs = spec.stopWhenIdleMs;
      idleTimer = setInterval(() => {
        if (inFlight === 0 && Date.now() - lastActivity >= idleMs) void stop();
      }, Math.min(200, idleMs));
    }
    const handle: ProcessHandle = { stop, done: ended };
    this.handles.add(handle);
    return handle;
  }

  async read(topic: string, onRecord: (record: InRecord) => void | Promise<void>, options: ReadOptions): Promise<void> {
    // A throw-away group: reading never moves anyone's committed offsets.
    const groupId = `${topic}.reader.${randomUUID()}`;
    const consumer: Consumer = this.kafka.consumer({ groupId, readUncommitted: false, maxWaitTimeInMs: 100 });
    await consumer.connect();
    let joined = false;
    let lastActivity = Date.now();
    consumer.on(consumer.events.GROUP_JOIN, () => {
      joined = true;
      lastActivity = Date.now();
    });
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ partition, message }) => {
          lastActivity = Date.now();
          await onRecord(inRecordOf(topic, partition, message));
        },
      });
      while (!options.signal?.aborted && !(joined && Date.now() - lastActivity >= options.idleMs)) {
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await consumer.disconnect();
      const admin = this.kafka.admin();
      await admin.connect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.handles].map((h) => h.stop()));
    await this.producer?.disconnect();
    this.producer = null;
    this.logger.debug('kafka bus closed');
  }
}

