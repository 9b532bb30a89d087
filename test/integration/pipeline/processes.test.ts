/**
 * The four stages as separate processes (`service-main.js <stage>`) on the real broker and Redis: exactly one
 * verified record per message with poison beside it, through SIGKILLs of every stage, and with two instances
 * of one stage sharing its partitions until one dies.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeEvent } from '../../../services/avro/index.js';
import type { DialogueMessage, SceneEvent } from '../../../services/core/events.js';
import { DEFAULT_RENDER_REQUEST } from '../../../services/core/events.js';
import { STAGE_NAMES, ensureTopics, groupOf, listDeadLetters, produceMessages, stageCodec, topicNames, STAGE_TABLE } from '../../../services/runtime/index.js';
import { redisUrl } from '../../support/index.js';
import { committedCount, kafkaAdmin, readSink, startStage, stopStage, waitFor, type StageProcess } from './stage-processes.js';
import { configOf, quietLogger, testEnv } from './helpers.js';

const TEXTS = [
  'пепел вспышка жизнь тишина',
  'огонь и вода',
  'fire and ash',
  'the river remembers the stone',
  '🔥🌊',
  'тишина после грозы',
  'light through the window',
  'сердце бьётся быстрее',
];

function messages(n: number, conversations: number): DialogueMessage[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `m${i}`,
    conversationId: `conv-${i % conversations}`,
    speaker: null,
    text: TEXTS[i % TEXTS.length]!,
    runId: null,
    seq: i,
    request: DEFAULT_RENDER_REQUEST,
  }));
}

const decodeSink = (value: Buffer) => {
  const event = stageCodec.decode(value).event as SceneEvent;
  return { id: event.message.id, conversationId: event.message.conversationId, seq: event.message.seq };
};

async function pipelineEnv(label: string, extra: Record<string, string> = {}) {
  const env = await testEnv(label, { REDIS_URL: await redisUrl(), ...extra });
  const config = configOf(env);
  await ensureTopics(config, { logger: quietLogger() });
  return { env, config, topics: topicNames(config.HB_TOPIC_PREFIX), kafka: kafkaAdmin(env.KAFKA_BROKERS!) };
}

async function stopAll(processes: StageProcess[]): Promise<void> {
  await Promise.all(processes.map((p) => stopStage(p)));
}

test('1,000 messages through four stage processes: exactly 1,000 verified; poison dead-lettered', { timeout: 240000 }, async () => {
  const { env, config, topics, kafka } = await pipelineEnv('procs', { HB_MAX_TEXT_BYTES: '1024' });
  const processes = STAGE_NAMES.map((stage) => startStage(stage, env));
  try {
    await Promise.all(processes.map((p) => p.ready));
    const input = messages(1000, 40);
    const result = await produceMessages(config, input, { logger: quietLogger() });
    assert.equal(result.produced, 1000);

    const good = encodeEvent('raw', { ...input[0]!, id: 'utf8', text: 'ab valid prefix' });
    const invalidUtf8 = Buffer.from(good);
    invalidUtf8.set([0xff, 0xfe], good.indexOf(Buffer.from('ab valid')));
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: topics.raw,
      messages: [
        { key: 'poison', value: Buffer.from('{"text": "not avro"}') },
        { key: 'poison', value: Buffer.concat([Buffer.from([0xc3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8]), Buffer.from('body')]) },
        { key: 'poison', value: encodeEvent('raw', { ...input[0]!, id: 'empty', text: '' }) },
        { key: 'poison', value: invalidUtf8 },
        { key: 'poison', value: encodeEvent('raw', { ...input[0]!, id: 'long', text: 'ж'.repeat(600) }) },
      ],
    });
    await producer.disconnect();

    const sink = await readSink(kafka, topics.verified, 1000, decodeSink, 150000);
    assert.equal(sink.length, 1000, 'all records on the verified topic, duplicates included');
    assert.equal(new Set(sink.map((r) => r.id)).size, 1000);

    const letters = await listDeadLetters(config, { logger: quietLogger() });
    const byCode = letters.map((l) => `${l.letter.stage}:${l.letter.code}`).sort();
    assert.deepEqual(byCode, ['ingest:HB_ERR_AVRO_DECODE', 'ingest:HB_ERR_EMPTY_INPUT', 'ingest:HB_ERR_INVALID_UTF8', 'ingest:HB_ERR_TEXT_TOO_LONG', 'ingest:HB_ERR_UNKNOWN_FINGERPRINT']);
    for (const { letter } of letters) assert.ok(letter.reason.length > 0);
  } finally {
    await stopAll(processes);
  }
  for (const p of processes) assert.equal(await p.exited, 0, `${p.stage} exits 0 on SIGTERM:\n${p.stderrTail()}`);
});

test('each stage SIGKILLed at a random point after a commit and restarted: still exactly 1,000', { timeout: 300000 }, async () => {
  const { env, topics, config, kafka } = await pipelineEnv('kill');
  const admin = kafka.admin();
  await admin.connect();
  const running = new Map(STAGE_NAMES.map((stage) => [stage, startStage(stage, env)]));
  try {
    await Promise.all([...running.values()].map((p) => p.ready));
    // Messages keep arriving while the stages die and come back, so every kill lands mid-stream.
    const input = messages(1000, 40);
    const feeding = (async () => {
      for (let i = 0; i < input.length; i += 25) {
        await produceMessages(config, input.slice(i, i + 25), { logger: quietLogger() });
        await new Promise((r) => setTimeout(r, 300));
      }
    })();
    for (const stage of STAGE_NAMES) {
      const group = groupOf(config.HB_TOPIC_PREFIX, stage);
      const input = topics[STAGE_TABLE[stage].input];
      await waitFor(`a commit of ${stage}`, async () => (await committedCount(admin, group, input)) > 0, 120000, 20);
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 300)));
      await stopStage(running.get(stage)!, 'SIGKILL');
      const restarted = startStage(stage, env);
      running.set(stage, restarted);
      await restarted.ready;
    }
    await feeding;
    const sink = await readSink(kafka, topics.verified, 1000, decodeSink, 180000);
    assert.equal(sink.length, 1000, 'no record lost or doubled through the kills');
    assert.equal(new Set(sink.map((r) => r.id)).size, 1000);
  } finally {
    await admin.disconnect();
    await stopAll([...running.values()]);
  }
});

test('two instances of a stage share its partitions; one is killed; the other takes over; order holds', { timeout: 300000 }, async () => {
  const { env, topics, config, kafka } = await pipelineEnv('pair');
  const admin = kafka.admin();
  await admin.connect();
  const group = groupOf(config.HB_TOPIC_PREFIX, 'render');
  const others = STAGE_NAMES.filter((s) => s !== 'render').map((stage) => startStage(stage, env));
  const first = startStage('render', env, 'one');
  const second = startStage('render', env, 'two');
  try {
    await Promise.all([...others, first, second].map((p) => p.ready));
    await waitFor('both render instances holding partitions', async () => {
      const { groups } = await admin.describeGroups([group]);
      return groups[0]!.state === 'Stable' && groups[0]!.members.length === 2;
    }, 60000, 200);
    await produceMessages(config, messages(1000, 30), { logger: quietLogger() });
    await waitFor('render to commit', async () => (await committedCount(admin, group, topics.classified)) > 0, 120000, 20);
    await stopStage(first, 'SIGKILL');
    await waitFor('the survivor to hold every partition', async () => {
      const { groups } = await admin.describeGroups([group]);
      return groups[0]!.state === 'Stable' && groups[0]!.members.length === 1;
    }, 60000, 200);

    const sink = await readSink(kafka, topics.verified, 1000, decodeSink, 180000);
    assert.equal(sink.length, 1000);
    const byConversation = new Map<string, number[]>();
    for (const r of sink) byConversation.set(r.conversationId, [...(byConversation.get(r.conversationId) ?? []), r.seq]);
    assert.equal(byConversation.size, 30);
    for (const [conversation, seqs] of byConversation) assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), `order of ${conversation}`);
  } finally {
    await admin.disconnect();
    await stopAll([...others, first, second]);
  }
});
