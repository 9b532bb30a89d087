/**
 * The stage runner on Kafka, in this process, with small fixture handlers: exactly one output per input
 * through all four stages, poison records dead-lettered with their reasons while the stage goes on,
 * dead letters listed and redriven, and the in-flight bound respected.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createBus } from '../../../services/adapters/bus/index.js';
import { encodeEvent } from '../../../services/avro/index.js';
import {
  STAGE_NAMES,
  consumeTopic,
  createMetrics,
  ensureTopics,
  listDeadLetters,
  produceMessages,
  redriveDeadLetters,
  runStage,
  stageCodec,
  topicNames,
  type StageRun,
} from '../../../services/runtime/index.js';
import { fixtureHandlers, fixtureMessages } from '../../runtime/fixture-handlers.js';
import { configOf, quietLogger, testEnv } from './helpers.js';

async function countRecords(config: ReturnType<typeof configOf>, topic: string, expect: number, timeoutMs: number): Promise<string[]> {
  const ids: string[] = [];
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  await consumeTopic(
    config,
    topic,
    (e) => {
      ids.push((e.event as { message?: { id: string } })?.message?.id ?? `${e.partition}:${e.offset}`);
      // Read a little past the expected count, so duplicates would show.
      if (ids.length >= expect) setTimeout(() => controller.abort(), 1500);
    },
    { signal: controller.signal, logger: quietLogger() },
  );
  clearTimeout(timer);
  return ids;
}

test('four stages on Kafka: one verified record per message; poison dead-lettered; redrive', { timeout: 180000 }, async () => {
  const env = await testEnv('runner', { HB_MAX_IN_FLIGHT: '50' });
  const config = configOf(env);
  const logger = quietLogger();
  const topics = topicNames(config.HB_TOPIC_PREFIX);
  await ensureTopics(config, { logger });

  const bus = createBus(config, logger);
  const metrics = createMetrics(undefined, false);
  const handlers = fixtureHandlers();
  const runs: StageRun[] = [];
  try {
    for (const stage of STAGE_NAMES) runs.push(await runStage(handlers[stage], bus, stageCodec, config, metrics, logger, { instanceId: 'a' }));
    await Promise.all(runs.map((r) => r.ready));

    const messages = fixtureMessages(300, 12);
    messages[10] = { ...messages[10]!, text: ' ' };
    const produced = await produceMessages(config, messages, { logger });
    assert.equal(produced.produced, 300);

    // Poison straight onto the raw topic: not Avro, an unknown fingerprint, a scene on the raw topic.
    const unknownFingerprint = Buffer.concat([Buffer.from([0xc3, 0x01]), randomBytes(8), Buffer.from([2, 0x41])]);
    const wrongKind = encodeEvent('ingested', await handlers.ingest.process(messages[0]!));
    await bus.produce([
      { topic: topics.raw, key: 'poison', value: Buffer.from('not avro at all'), headers: {} },
      { topic: topics.raw, key: 'poison', value: unknownFingerprint, headers: {} },
      { topic: topics.raw, key: 'poison', value: wrongKind, headers: {} },
    ]);

    const verified = await countRecords(config, topics.verified, 299, 60000);
    assert.equal(verified.length, 299, 'every good message once');
    assert.equal(new Set(verified).size, 299);
    assert.ok(!verified.includes('m10'));

    const letters = await listDeadLetters(config, { logger });
    const codes = letters.map((l) => l.letter.code).sort();
    assert.deepEqual(codes, ['HB_ERR_AVRO_DECODE', 'HB_ERR_BAD_MESSAGE', 'HB_ERR_EMPTY_INPUT', 'HB_ERR_UNKNOWN_FINGERPRINT']);
    const notAvro = letters.find((l) => l.letter.code === 'HB_ERR_AVRO_DECODE')!.letter;
    assert.equal(Buffer.from(notAvro.payload).toString(), 'not avro at all');
    assert.equal(notAvro.length, 15);
    assert.equal(notAvro.source, topics.raw);
    assert.match(notAvro.sha256, /^[0-9a-f]{64}$/);

    const redriven = await redriveDeadLetters(config, { logger, idleMs: 1500 });
    assert.equal(redriven.redriven, 4);
    // The redriven records fail again; a redrive never takes up the letters its own records caused.
    let lettersAfter = await listDeadLetters(config, { logger });
    while (lettersAfter.length < 8) lettersAfter = await listDeadLetters(config, { logger });
    assert.equal(lettersAfter.length, 8);
    const again = await redriveDeadLetters(config, { logger, idleMs: 1500 });
    assert.ok(again.redriven <= 4, 'no original letter is redriven twice');
  } finally {
    for (const run of runs) await run.stop();
    await bus.close();
  }
});
