import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedBus, type InRecord } from '../../services/adapters/bus/index.js';
import { encodeEvent } from '../../services/avro/index.js';
import type { DeadLetter, DialogueMessage, SceneEvent } from '../../services/core/events.js';
import { loadConfig } from '../../services/lib/config.js';
import { HyperBridgeError } from '../../services/lib/errors.js';
import { createLogger } from '../../services/lib/logger.js';
import { createMetrics, stageProcessor, stageCodec, topicNames, type IngestHandler } from '../../services/runtime/index.js';
import { fixtureHandlers, fixtureMessages } from './fixture-handlers.js';

const config = loadConfig({ env: { HB_MAX_TEXT_BYTES: '64' } });
const topics = topicNames('hb');
const logger = createLogger('silent');
const fast = { attempts: 4, firstDelayMs: 1, maxDelayMs: 2 };
const record = (value: Buffer): InRecord => ({ topic: topics.raw, partition: 0, offset: '0', key: 'c0', value, headers: { h: '1' } });
const message = fixtureMessages(1)[0]!;

function letterOf(out: { topic: string; value: Buffer }[]): DeadLetter {
  assert.equal(out.length, 1);
  assert.equal(out[0]!.topic, topics.deadletter);
  return stageCodec.decode(out[0]!.value).event as DeadLetter;
}

test('a good record becomes one output on the next topic, keyed by conversation id, headers kept', async () => {
  const metrics = createMetrics(undefined, false);
  const process = stageProcessor(fixtureHandlers().ingest, stageCodec, config, metrics, logger, fast);
  const out = await process(record(encodeEvent('raw', message)));
  assert.equal(out.length, 1);
  assert.equal(out[0]!.topic, topics.ingested);
  assert.equal(out[0]!.key, message.conversationId);
  assert.deepEqual(out[0]!.headers, { h: '1' });
  assert.equal((stageCodec.decode(out[0]!.value).event as SceneEvent).scene.key, 'word0·ash0·fire');
  assert.match(await metrics.registry.metrics(), /hb_stage_messages_total\{stage="ingest"\} 1/);
});

test('bytes that are not Avro, an unknown fingerprint, invalid UTF-8 and handler errors become dead letters', async () => {
  const metrics = createMetrics(undefined, false);
  const process = stageProcessor(fixtureHandlers().ingest, stageCodec, config, metrics, logger, fast);
  const notAvro = Buffer.from('x'.repeat(100));
  const letter = letterOf(await process(record(notAvro)));
  assert.equal(letter.code, 'HB_ERR_AVRO_DECODE');
  assert.equal(letter.stage, 'ingest');
  assert.equal(letter.source, topics.raw);
  assert.equal(letter.length, 100);
  assert.equal(letter.payload.length, 64, 'only the first HB_MAX_TEXT_BYTES are kept');
  assert.match(letter.sha256, /^[0-9a-f]{64}$/);

  const unknown = Buffer.concat([Buffer.from([0xc3, 0x01]), randomBytes(8), Buffer.from([0])]);
  assert.equal(letterOf(await process(record(unknown))).code, 'HB_ERR_UNKNOWN_FINGERPRINT');

  const good = encodeEvent('raw', { ...message, text: 'QQ fire' });
  const bad = Buffer.from(good);
  bad.set([0xc0, 0xaf], good.indexOf(Buffer.from('QQ')));
  assert.equal(letterOf(await process(record(bad))).code, 'HB_ERR_INVALID_UTF8');

  assert.equal(letterOf(await process(record(encodeEvent('raw', { ...message, text: '  ' })))).code, 'HB_ERR_EMPTY_INPUT');
  assert.equal(letterOf(await process(record(encodeEvent('verified', await fixtureHandlers().ingest.process(message))))).code, 'HB_ERR_BAD_MESSAGE');
  assert.match(await metrics.registry.metrics(), /hb_stage_dead_letters_total\{stage="ingest",code="HB_ERR_EMPTY_INPUT"\} 1/);
});

test('retriable errors are retried with back-off before they are dead-lettered', async () => {
  let calls = 0;
  const flaky: IngestHandler = {
    stage: 'ingest',
    async process(m: DialogueMessage) {
      calls++;
      if (calls < 3) throw new HyperBridgeError('HB_ERR_STORE_UNAVAILABLE', 'ingest', 'store away');
      return fixtureHandlers().ingest.process(m);
    },
  };
  const metrics = createMetrics(undefined, false);
  const out = await stageProcessor(flaky, stageCodec, config, metrics, logger, fast)(record(encodeEvent('raw', message)));
  assert.equal(out[0]!.topic, topics.ingested);
  assert.equal(calls, 3);
  assert.match(await metrics.registry.metrics(), /hb_stage_retries_total\{stage="ingest"\} 2/);

  const down: IngestHandler = { stage: 'ingest', process: async () => { throw new HyperBridgeError('HB_ERR_STORE_UNAVAILABLE', 'ingest'); } };
  assert.equal(letterOf(await stageProcessor(down, stageCodec, config, metrics, logger, fast)(record(encodeEvent('raw', message)))).code, 'HB_ERR_STORE_UNAVAILABLE');
});

test('the runner goes on after poison on the embedded bus', async () => {
  const bus = new EmbeddedBus({ dataDir: mkdtempSync(join(tmpdir(), 'hb-runner-')), partitions: 2, maxInFlight: 100 });
  const { runStage } = await import('../../services/runtime/index.js');
  const run = await runStage(fixtureHandlers().ingest, bus, stageCodec, config, createMetrics(undefined, false), logger, { instanceId: 't' });
  await run.ready;
  await bus.produce([
    { topic: topics.raw, key: 'c0', value: Buffer.from('poison'), headers: {} },
    ...fixtureMessages(20, 2).map((m) => ({ topic: topics.raw, key: m.conversationId, value: encodeEvent('raw', m), headers: {} })),
  ]);
  const count = async (topic: string) => {
    let n = 0;
    await bus.read(topic, () => void n++, { idleMs: 0 });
    return n;
  };
  while ((await count(topics.ingested)) < 20) await new Promise((r) => setTimeout(r, 10));
  assert.equal(await count(topics.deadletter), 1);
  await run.stop();
  await bus.close();
});
