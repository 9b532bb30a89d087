// Proof that kafkajs transactions work against the broker we run: the stages' exactly-once delivery
// (consume → process → produce in one transaction, offsets sent with it) stands on exactly these calls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Kafka, logLevel, type Consumer, type Producer, type Admin } from 'kafkajs';
import { kafkaBrokers, uniquePrefix, TEST_SESSION_TIMEOUT_MS } from '../../support/index.js';

const TIMEOUT_MS = 60_000;
let kafka: Kafka;
let admin: Admin;
let prefix: string;
const open: (Producer | Consumer)[] = [];

before(async () => {
  kafka = new Kafka({ clientId: 'hb-test-txn', brokers: await kafkaBrokers(), logLevel: logLevel.NOTHING });
  admin = kafka.admin();
  await admin.connect();
  prefix = uniquePrefix('txn');
});

after(async () => {
  await Promise.allSettled(open.map((c) => c.disconnect()));
  await admin.disconnect();
});

async function createTopics(...names: string[]): Promise<void> {
  await admin.createTopics({ topics: names.map((topic) => ({ topic, numPartitions: 1 })), waitForLeaders: true });
}

async function transactionalProducer(id: string): Promise<Producer> {
  const producer = kafka.producer({ transactionalId: `${prefix}.${id}`, idempotent: true, maxInFlightRequests: 1 });
  open.push(producer);
  await producer.connect();
  return producer;
}

function consumerOf(groupId: string, readUncommitted: boolean): Consumer {
  const consumer = kafka.consumer({ groupId, readUncommitted, sessionTimeout: TEST_SESSION_TIMEOUT_MS, heartbeatInterval: 500 });
  open.push(consumer);
  return consumer;
}

/** Reads `topic` from the beginning in a fresh group until `done` says it has seen enough. */
async function readUntil(topic: string, readUncommitted: boolean, done: (values: string[]) => boolean): Promise<string[]> {
  const consumer = consumerOf(`${prefix}.read.${readUncommitted ? 'all' : 'committed'}.${topic}`, readUncommitted);
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const values: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`read ${JSON.stringify(values)} from ${topic} and no more`)), TIMEOUT_MS - 5000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        values.push(String(message.value));
        if (done(values)) {
          clearTimeout(timer);
          resolve();
        }
      },
    }).catch(reject);
  });
  await consumer.disconnect();
  return values;
}

const batch = (...values: string[]) => values.map((value) => ({ key: 'k', value }));

test('a read_committed consumer sees committed batches and never an aborted one', { timeout: TIMEOUT_MS }, async () => {
  const topic = `${prefix}.commit-abort`;
  await createTopics(topic);
  const producer = await transactionalProducer('commit-abort');

  const first = await producer.transaction();
  await first.send({ topic, messages: batch('c1', 'c2', 'c3') });
  await first.commit();
  const aborted = await producer.transaction();
  await aborted.send({ topic, messages: batch('a1', 'a2') });
  await aborted.abort();
  const last = await producer.transaction();
  await last.send({ topic, messages: batch('c4') });
  await last.commit();

  const committed = await readUntil(topic, false, (v) => v.includes('c4'));
  assert.deepEqual(committed, ['c1', 'c2', 'c3', 'c4']);
  // The aborted records are in the log: only the isolation level keeps them out.
  const everything = await readUntil(topic, true, (v) => v.includes('c4'));
  assert.deepEqual(everything, ['c1', 'c2', 'c3', 'a1', 'a2', 'c4']);
});

test('consume → produce → sendOffsets → commit moves output and offsets together; abort moves neither', { timeout: TIMEOUT_MS }, async () => {
  const input = `${prefix}.in`;
  const output = `${prefix}.out`;
  const groupId = `${prefix}.stage`;
  await createTopics(input, output);
  const plain = kafka.producer();
  open.push(plain);
  await plain.connect();
  await plain.send({ topic: input, messages: batch('m1', 'm2', 'm3', 'm4') });

  const producer = await transactionalProducer('stage');
  // Runs the stage until it has handled `count` messages; the last one's transaction aborts when `abortLast`.
  const runStage = async (count: number, abortLast: boolean): Promise<string[]> => {
    const consumer = consumerOf(groupId, false);
    await consumer.connect();
    await consumer.subscribe({ topic: input, fromBeginning: true });
    const seen: string[] = [];
    await new Promise<void>((resolve, reject) => {
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ topic, partition, message }) => {
          if (seen.length >= count) return;
          seen.push(String(message.value));
          const txn = await producer.transaction();
          await txn.send({ topic: output, messages: batch(`out:${String(message.value)}`) });
          await txn.sendOffsets({
            consumerGroupId: groupId,
            topics: [{ topic, partitions: [{ partition, offset: (BigInt(message.offset) + 1n).toString() }] }],
          });
          if (abortLast && seen.length === count) await txn.abort();
          else await txn.commit();
          if (seen.length === count) resolve();
        },
      }).catch(reject);
    });
    await consumer.disconnect();
    return seen;
  };

  assert.deepEqual(await runStage(3, true), ['m1', 'm2', 'm3']);
  const [afterAbort] = await admin.fetchOffsets({ groupId, topics: [input] });
  assert.equal(afterAbort.partitions[0].offset, '2', 'the aborted transaction did not commit m3\'s offset');

  // A restarted stage resumes after the last committed offset: m3 again (its output was aborted), then m4.
  assert.deepEqual(await runStage(2, false), ['m3', 'm4']);
  const [final] = await admin.fetchOffsets({ groupId, topics: [input] });
  assert.equal(final.partitions[0].offset, '4');

  const out = await readUntil(output, false, (v) => v.includes('out:m4'));
  assert.deepEqual(out, ['out:m1', 'out:m2', 'out:m3', 'out:m4'], 'each input exactly once in the committed output');
});

test('a restarted producer with the same transactional id fences the old one, whose open transaction is aborted', { timeout: TIMEOUT_MS }, async () => {
  const topic = `${prefix}.fencing`;
  await createTopics(topic);
  const old = await transactionalProducer('fencing');
  const first = await old.transaction();
  await first.send({ topic, messages: batch('before') });
  await first.commit();
  const zombie = await old.transaction();
  await zombie.send({ topic, messages: batch('zombie') });

  // kafkajs asks for the transactional producer id on the first transaction(), not on connect(): that is the
  // moment the new instance fences the old one.
  const restarted = await transactionalProducer('fencing');
  const next = await restarted.transaction();
  await assert.rejects(zombie.commit(), (err: Error & { type?: string }) => err.type === 'INVALID_PRODUCER_EPOCH' || err.type === 'PRODUCER_FENCED');
  await next.send({ topic, messages: batch('after') });
  await next.commit();

  assert.deepEqual(await readUntil(topic, false, (v) => v.includes('after')), ['before', 'after']);
});
