import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InRecord } from '../../services/adapters/bus/index.js';
import { encodeEvent } from '../../services/avro/index.js';
import { DEFAULT_RENDER_REQUEST, type DeadLetter, type DialogueMessage, type SceneEvent } from '../../services/core/events.js';
import { loadConfig } from '../../services/lib/config.js';
import { HyperBridgeError } from '../../services/lib/errors.js';
import { createLogger } from '../../services/lib/logger.js';
import { buildHandler, createMetrics, stageCodec, stageProcessor, topicNames } from '../../services/runtime/index.js';
import { startStageWorker } from '../../services/runtime/stage-worker.js';

const config = loadConfig({ env: { HB_LOG_LEVEL: 'silent' } });
const topics = topicNames(config.HB_TOPIC_PREFIX);
const message: DialogueMessage = { id: 'm1', conversationId: 'c1', speaker: null, text: 'Пепел помнит огонь 🔥', runId: null, seq: 0, request: DEFAULT_RENDER_REQUEST };
const record = (value: Buffer): InRecord => ({ topic: topics.raw, partition: 2, offset: '7', key: 'c1', value, headers: { run: 'r1' } });

test('a stage in the worker gives the same output bytes as the same stage in this thread', async () => {
  const worker = await startStageWorker(['ingest'], config);
  try {
    const [hosted] = worker.handlers;
    const local = stageProcessor((await buildHandler('ingest', config)).handler, stageCodec, config, createMetrics(undefined, false), createLogger('silent'));
    const input = record(encodeEvent('raw', message));
    const [fromWorker] = await hosted!.processor(input);
    const [here] = await local(input);
    assert.ok(Buffer.isBuffer(fromWorker!.value), 'the bus writes Buffers');
    assert.deepEqual({ ...fromWorker!, value: fromWorker!.value.toString('hex') }, { ...here!, value: here!.value.toString('hex') });
    assert.equal(fromWorker!.topic, topics.ingested);
    assert.equal((stageCodec.decode(fromWorker!.value).event as SceneEvent).message.id, 'm1');
  } finally {
    await worker.close();
  }
});

test('records a worker stage cannot process come back as dead letters; handler errors keep their code', async () => {
  const worker = await startStageWorker(['ingest'], config);
  try {
    const [hosted] = worker.handlers;
    const [out] = await hosted!.processor(record(Buffer.from('not avro at all')));
    assert.equal(out!.topic, topics.deadletter);
    assert.equal((stageCodec.decode(out!.value).event as DeadLetter).code, 'HB_ERR_AVRO_DECODE');
    await assert.rejects(hosted!.process({ ...message, text: '?!' } as never), (err: unknown) => err instanceof HyperBridgeError && err.code === 'HB_ERR_NO_CONTENT' && err.stage === 'ingest');
  } finally {
    await worker.close();
  }
});

test('calls after close are refused', async () => {
  const worker = await startStageWorker(['ingest'], config);
  await worker.close();
  await assert.rejects(worker.handlers[0]!.process(message as never), /exited/);
});
