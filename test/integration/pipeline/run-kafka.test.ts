/** `hyperbridge run` on Kafka and Redis gives exactly what it gives on the embedded default, line for line. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootPath } from '../../../services/lib/paths.js';
import { redisUrl } from '../../support/index.js';
import { testEnv } from './helpers.js';

const BIN = rootPath('dist/services/cli/main.js');

function run(env: Record<string, string | undefined>, log: string): string[] {
  const r = spawnSync(process.execPath, [BIN, 'run', '--input', log, '--json'], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 240_000 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim().split('\n');
}

test('run on Kafka and Redis matches the embedded run line for line', { timeout: 300_000 }, async () => {
  const lines = readFileSync(rootPath('data/sample/dialogue.jsonl'), 'utf8').trim().split('\n').slice(0, 60);
  lines.splice(7, 0, '{not json', '');
  const log = join(mkdtempSync(join(tmpdir(), 'hb-run-')), 'dialogue.jsonl');
  writeFileSync(log, lines.join('\n') + '\n');

  const embedded = run({ HB_DATA_DIR: mkdtempSync(join(tmpdir(), 'hb-run-embedded-')), KAFKA_BROKERS: '', REDIS_URL: '', HB_LOG_LEVEL: 'error' }, log);
  const env = await testEnv('run', { REDIS_URL: await redisUrl() });
  const kafka = run(env, log);

  assert.equal(kafka.length, lines.length);
  assert.deepEqual(kafka, embedded);
  assert.equal(JSON.parse(kafka[7]!).error.code, 'HB_ERR_NOT_JSON');
  assert.equal(JSON.parse(kafka[8]!).error.code, 'HB_ERR_EMPTY_INPUT');
  assert.ok(kafka.filter((l) => JSON.parse(l).renderings?.[0]?.verdict).length >= 50);
});
