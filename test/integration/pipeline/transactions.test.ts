/**
 * Before anything builds on them: kafkajs 2.2.4 transactions against the broker the tests run (Kafka 4.1).
 * A committed transaction's records and offsets are visible to read-committed consumers; an aborted one's are
 * not; a restarted producer with the same transactional id fences its predecessor.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { kafkaBrokers, uniquePrefix } from '../../support/index.js';

async function readCommitted(kafka: Kafka, topic: string, expect: number, timeoutMs = 15000): Promise<string[]> {
  const consumer = kafka.consumer({ groupId: `${topic}.check`, readUncommitted: false, maxWaitTimeInMs: 100 });
  const seen: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void seen.push(message.value!.toString()) });
  const until = Date.now() + timeoutMs;
  while (seen.length < expect && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  // A little longer, so records beyond the expected ones (aborted ones leaking through) would show.
  await new Promise((r) => setTimeout(r, 1000));
  await consumer.disconnect();
  return seen;
}

test('kafkajs transactions work against the test broker', { timeout: 90000 }, async () => {
  const prefix = uniquePrefix('tx');
  const kafka = new Kafka({ clientId: prefix, brokers: await kafkaBrokers(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const [input, output] = [`${prefix}.in`, `${prefix}.out`];
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic: input, numPartitions: 1 }, { topic: output, numPartitions: 1 }] });

  const producerOf = () =>
    kafka.producer({ transactionalId: `${prefix}.tx`, idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  const producer = producerOf();
  const restarted = producerOf();
  await producer.connect();
  try {

  const committed = await producer.transaction();
  await committed.send({ topic: output, messages: [{ key: 'k', value: 'committed-1' }, { key: 'k', value: 'committed-2' }] });
  await committed.sendOffsets({ consumerGroupId: `${prefix}.group`, topics: [{ topic: input, partitions: [{ partition: 0, offset: '7' }] }] });
  await committed.commit();

  const aborted = await producer.transaction();
  await aborted.send({ topic: output, messages: [{ key: 'k', value: 'aborted' }] });
  await aborted.sendOffsets({ consumerGroupId: `${prefix}.group`, topics: [{ topic: input, partitions: [{ partition: 0, offset: '9' }] }] });
  await aborted.abort();

  // A transaction left open by a "killed" producer is aborted when the same transactional id starts again.
  const open = await producer.transaction();
  await open.send({ topic: output, messages: [{ key: 'k', value: 'zombie' }] });
  await restarted.connect();
  // kafkajs initialises the transactional producer id on the first transaction(), not on connect: that is
  // the moment the broker aborts the predecessor's open transaction and fences it.
  const after = await restarted.transaction();
  await assert.rejects(open.commit(), /fenced|epoch|newer producer/i);
  await after.send({ topic: output, messages: [{ key: 'k', value: 'committed-3' }] });
  await after.commit();

  assert.deepEqual(await readCommitted(kafka, output, 3), ['committed-1', 'committed-2', 'committed-3']);
  const offsets = await admin.fetchOffsets({ groupId: `${prefix}.group`, topics: [input] });
  assert.equal(offsets[0]!.partitions[0]!.offset, '7');

  } finally {
    await producer.disconnect().catch(() => undefined);
    await restarted.disconnect().catch(() => undefined);
    await admin.deleteTopics({ topics: [input, output] }).catch(() => undefined);
    await admin.disconnect();
  }
});
