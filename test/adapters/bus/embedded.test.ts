import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedBus, partitionOf, type InRecord, type OutRecord } from '../../../services/adapters/bus/index.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'hb-bus-'));
const open = (dir: string, maxInFlight = 1000) => new EmbeddedBus({ dataDir: dir, partitions: 4, maxInFlight });
const record = (topic: string, key: string, i: number): OutRecord => ({ topic, key, value: Buffer.from(`${key}:${i}`), headers: { seq: String(i) } });

async function readAll(bus: EmbeddedBus, topic: string): Promise<InRecord[]> {
  const got: InRecord[] = [];
  await bus.read(topic, (r) => void got.push(r), { idleMs: 0 });
  return got;
}

test('records, keys and headers persist across reopening', async () => {
  const dir = dataDir();
  const bus = open(dir);
  const sent = Array.from({ length: 100 }, (_, i) => record('t', `k${i % 7}`, i));
  await bus.produce(sent);
  await bus.close();
  const again = open(dir);
  const got = await readAll(again, 't');
  await again.close();
  assert.equal(got.length, 100);
  const bySeq = new Map(got.map((r) => [r.headers.seq, r]));
  for (const s of sent) {
    const r = bySeq.get(s.headers.seq!)!;
    assert.equal(r.key, s.key);
    assert.deepEqual(r.value, s.value);
    assert.equal(r.partition, partitionOf(s.key, 4));
  }
});

test('records are read back before any sync, also those older than the frames kept in memory', async () => {
  const bus = open(dataDir());
  // One key: 600 records in one partition, more than its recent frames, and written to the file in batches.
  const sent = Array.from({ length: 600 }, (_, i) => record('t', 'k', i));
  await bus.produce(sent);
  const got = await readAll(bus, 't');
  await bus.close();
  assert.deepEqual(got.map((r) => r.headers.seq), sent.map((s) => s.headers.seq));
  assert.deepEqual(got.map((r) => r.value.toString()), sent.map((s) => s.value.toString()));
});

test('a processor gets the next records before the first is done, and outputs still follow the log order', async () => {
  const bus = open(dataDir());
  await bus.produce(Array.from({ length: 40 }, (_, i) => record('in', 'k', i)));
  let running = 0;
  let overlapped = 0;
  // Later records finish first: only the bus's ordering can put their outputs back in log order.
  const handle = await bus.process({ topic: 'in', group: 'g', instanceId: 'x', maxInFlight: 1000, stopWhenIdleMs: 200 }, async (r) => {
    running++;
    overlapped = Math.max(overlapped, running);
    await new Promise((resolve) => setTimeout(resolve, 8 - (Number(r.headers.seq) % 4) * 2));
    running--;
    return [{ topic: 'out', key: r.key ?? '', value: r.value, headers: r.headers }];
  });
  await handle.done;
  const out = await readAll(bus, 'out');
  await bus.close();
  assert.ok(overlapped > 1, 'records overlap in the processor');
  assert.deepEqual(out.map((r) => r.headers.seq), Array.from({ length: 40 }, (_, i) => String(i)));
});

test('a torn tail is cut off when the log is opened', async () => {
  const dir = dataDir();
  const bus = open(dir);
  await bus.produce([record('t', 'a', 1), record('t', 'a', 2)]);
  await bus.close();
  const log = join(dir, 'bus', 't', `${partitionOf('a', 4)}.log`);
  appendFileSync(log, Buffer.from([0, 0, 0, 40, 1, 2, 3]));
  const again = open(dir);
  await again.produce([record('t', 'a', 3)]);
  const got = await readAll(again, 't');
  await again.close();
  assert.deepEqual(got.map((r) => r.headers.seq), ['1', '2', '3']);
});

test('a group resumes after its committed offsets, nothing seen twice or missed', async () => {
  const dir = dataDir();
  const bus = open(dir);
  await bus.produce(Array.from({ length: 200 }, (_, i) => record('in', `k${i % 5}`, i)));
  const seen: string[] = [];
  const first = await bus.process({ topic: 'in', group: 'g', instanceId: 'x', maxInFlight: 1000 }, async (r) => {
    seen.push(r.headers.seq!);
    return [];
  });
  while (seen.length < 80) await new Promise((r) => setTimeout(r, 5));
  await first.stop();
  await bus.close();
  assert.ok(readdirSync(join(dir, 'bus', 'in')).includes('group.g.json'));

  const again = open(dir);
  const second = await again.process({ topic: 'in', group: 'g', instanceId: 'x', maxInFlight: 1000, stopWhenIdleMs: 200 }, async (r) => {
    seen.push(r.headers.seq!);
    return [];
  });
  await second.done;
  await again.close();
  assert.equal(seen.length, 200);
  assert.equal(new Set(seen).size, 200);
});

test('while a group runs, its offsets are committed in the background, without a stop', async () => {
  const dir = dataDir();
  const bus = open(dir);
  await bus.produce(Array.from({ length: 60 }, (_, i) => record('in', `k${i % 3}`, i)));
  const handle = await bus.process({ topic: 'in', group: 'g', instanceId: 'x', maxInFlight: 1000 }, async (r) => [record('out', r.key!, Number(r.headers.seq))]);
  const offsets = join(dir, 'bus', 'in', 'group.g.json');
  const committed = () => (existsSync(offsets) ? Object.values(JSON.parse(readFileSync(offsets, 'utf8')) as Record<string, number>).reduce((a, b) => a + b, 0) : 0);
  const until = Date.now() + 5000;
  while (committed() < 60 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  assert.equal(committed(), 60, 'the interval commit saved every position without a stop');
  assert.equal((await readAll(bus, 'out')).length, 60);
  await handle.stop();
  await bus.close();
});

test('a producer blocks while HB_MAX_IN_FLIGHT records wait unprocessed', async () => {
  const bus = open(dataDir(), 10);
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let processed = 0;
  const handle = await bus.process({ topic: 'in', group: 'g', instanceId: 'x', maxInFlight: 10 }, async () => {
    await gate;
    processed++;
    return [];
  });
  let produced = false;
  const producing = bus.produce(Array.from({ length: 30 }, (_, i) => record('in', `k${i}`, i))).then(() => (produced = true));
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(produced, false, 'the producer must wait while the consumer holds 10 unprocessed records');
  release();
  await producing;
  assert.ok(processed >= 20 - 4, `the producer went on only as records were processed (${processed})`);
  await handle.stop();
  await bus.close();
});

test('order within each key holds through a stage with uneven processing times', async () => {
  const bus = open(dataDir(), 50);
  const sink = await bus.process({ topic: 'in', group: 'stage', instanceId: 'x', maxInFlight: 50 }, async (r) => {
    await new Promise((res) => setTimeout(res, Math.random() < 0.1 ? 3 : 0));
    return [{ topic: 'out', key: r.key!, value: r.value, headers: r.headers }];
  });
  const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
  await bus.produce(Array.from({ length: 600 }, (_, i) => record('in', keys[i % keys.length]!, i)));
  let got: InRecord[] = [];
  while (got.length < 600) {
    await new Promise((r) => setTimeout(r, 20));
    got = await readAll(bus, 'out');
  }
  await sink.stop();
  await bus.close();
  for (const key of keys) {
    const seqs = got.filter((r) => r.key === key).map((r) => Number(r.headers.seq));
    assert.equal(seqs.length, 100);
    assert.deepEqual(seqs, [...seqs].sort((x, y) => x - y), `order of key ${key}`);
  }
});

test('one process at a time owns a bus folder', async () => {
  const dir = dataDir();
  const bus = open(dir);
  assert.throws(() => open(dir), { code: 'HB_ERR_BUS_UNAVAILABLE' });
  await bus.close();
  const again = open(dir);
  await again.close();
});

test('keys map to partitions as Kafka\'s default partitioner maps them', () => {
  const require = createRequire(import.meta.url);
  const kafkaMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2.js') as (key: string) => number;
  for (const key of ['', 'a', 'conversation-1', 'диалог', '🔥🌊', 'x'.repeat(37)]) {
    for (const partitions of [1, 6, 7]) {
      assert.equal(partitionOf(key, partitions), (kafkaMurmur2(key) & 0x7fffffff) % partitions, `${key} over ${partitions}`);
    }
  }
});
