/**
 * avsc (our codec: single-object encoding, mapping and bounds scan included) vs JSON.stringify/JSON.parse (to and
 * from UTF-8 bytes, as both would travel on a topic) on verified SceneEvents: 4 components, a tension and 1–6
 * Russian renderings.
 */
import { avroCodec } from '../services/avro/index.js';
import type { SceneEvent } from '../services/core/events.js';
import { sceneEvent } from '../test/avro/samples.js';

const EVENTS: SceneEvent[] = [1, 2, 3, 4, 5, 6].map((n) => sceneEvent('verified', n));
const ROUNDS = 7;
const ROUND_MS = 300;

/** Operations per second of `op` over `inputs` in turn for one round. */
function round<T>(inputs: T[], op: (input: T) => unknown): number {
  let ops = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(ROUND_MS) * 1_000_000n;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 500; i++) op(inputs[(ops + i) % inputs.length]!);
    ops += 500;
    now = process.hrtime.bigint();
  }
  return ops / (Number(now - start) / 1e9);
}

/** Median ops/s of each measure over interleaved rounds, so a busy machine slows both codecs alike. */
function medianOpsPerSecond(measures: [string, () => number][]): Map<string, number> {
  const samples = new Map(measures.map(([name]) => [name, [] as number[]]));
  for (const [, run] of measures) run(); // warm-up
  for (let r = 0; r < ROUNDS; r++) for (const [name, run] of measures) samples.get(name)!.push(run());
  return new Map([...samples].map(([name, s]) => [name, Math.round(s.sort((a, b) => a - b)[s.length >> 1]!)]));
}

const codec = avroCodec();
const avroBytes = EVENTS.map((e) => codec.encodeEvent('verified', e));
const jsonBytes = EVENTS.map((e) => Buffer.from(JSON.stringify(e), 'utf8'));
const mean = (bufs: Buffer[]): number => Math.round(bufs.reduce((sum, b) => sum + b.length, 0) / bufs.length);

const opsPerSecond = medianOpsPerSecond([
  ['avro.encode.ops_per_s', () => round(EVENTS, (e) => codec.encodeEvent('verified', e))],
  ['avro.decode.ops_per_s', () => round(avroBytes, (b) => codec.decodeEvent(b, 'verified'))],
  ['json.encode.ops_per_s', () => round(EVENTS, (e) => Buffer.from(JSON.stringify(e), 'utf8'))],
  ['json.decode.ops_per_s', () => round(jsonBytes, (b) => JSON.parse(b.toString('utf8')))],
]);
for (const [name, value] of opsPerSecond) process.stdout.write(`${name}: ${value} ops/s\n`);
process.stdout.write(`avro.bytes_per_event: ${mean(avroBytes)} bytes\n`);
process.stdout.write(`json.bytes_per_event: ${mean(jsonBytes)} bytes\n`);
process.stdout.write(`avro.size_vs_json: ${(mean(avroBytes) / mean(jsonBytes)).toFixed(3)} ratio\n`);
