/**
 * Cross-implementation: Python fastavro, given only the .avsc files, decodes what our codec writes and writes
 * what our codec reads (test/avro/fastavro_codec.py; fastavro pinned in test/requirements.txt).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { decodeEvent, encodeEvent, loadCatalogue, SCHEMAS_DIR, TOPIC_RECORDS } from '../../services/avro/index.js';
import { rootPath } from '../../services/lib/paths.js';
import { SAMPLES } from './samples.js';

const SCRIPT = rootPath('test/avro/fastavro_codec.py');

function fastavro(args: string[], input = ''): string[] {
  const python = process.env.PYTHON ?? 'python3';
  const run = spawnSync(python, [SCRIPT, SCHEMAS_DIR, ...args], { input, encoding: 'utf8' });
  assert.equal(run.error, undefined, `cannot run ${python}: ${run.error?.message}`);
  assert.equal(run.status, 0, `fastavro_codec.py ${args.join(' ')} failed (pip install -r test/requirements.txt):\n${run.stderr}`);
  return run.stdout.split('\n').filter((line) => line.length > 0);
}

/** The events as JSON with bytes as {"$bytes": hex}, the form the script reads and prints. */
const asJson = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_key, v) => (v instanceof Uint8Array ? { $bytes: Buffer.from(v).toString('hex') } : v)));

test('fastavro computes the catalogue fingerprints from the .avsc files', () => {
  const theirs = new Set(fastavro(['fingerprints']).map((line) => {
    const { name, fingerprint } = JSON.parse(line) as { name: string; fingerprint: string };
    return `${name} ${fingerprint}`;
  }));
  const ours = new Set(loadCatalogue().schemas.map((e) => `${e.name} ${e.fingerprint}`));
  assert.deepEqual(theirs, ours);
});

test('fastavro decodes every event our codec writes', () => {
  const lines = fastavro(['decode'], SAMPLES.map(({ kind, event }) => encodeEvent(kind, event).toString('hex')).join('\n') + '\n');
  assert.equal(lines.length, SAMPLES.length);
  lines.forEach((line, i) => {
    const { name, event } = JSON.parse(line) as { name: string; event: unknown };
    assert.equal(name, TOPIC_RECORDS[SAMPLES[i]!.kind]);
    assert.deepStrictEqual(event, asJson(SAMPLES[i]!.event), name);
  });
});

test('our codec decodes every event fastavro writes', () => {
  const input = SAMPLES.map(({ kind, event }) => JSON.stringify({ name: TOPIC_RECORDS[kind], event: asJson(event) })).join('\n') + '\n';
  const lines = fastavro(['encode'], input);
  assert.equal(lines.length, SAMPLES.length);
  lines.forEach((hex, i) => {
    const { kind, event } = SAMPLES[i]!;
    const bytes = Buffer.from(hex, 'hex');
    assert.deepEqual(bytes, encodeEvent(kind, event), `${kind}: byte-identical to ours`);
    assert.deepStrictEqual(decodeEvent(bytes, kind).event, event);
  });
});
