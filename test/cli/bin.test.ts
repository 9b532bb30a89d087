/** The bin as users and scripts see it: exit codes, stdout carrying only results, error lines in place. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootPath } from '../../services/lib/paths.js';

const BIN = rootPath('dist/services/cli/main.js');
const dataDir = mkdtempSync(join(tmpdir(), 'hb-bin-'));

function hb(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input, encoding: 'utf8', env: { ...process.env, HB_DATA_DIR: dataDir, KAFKA_BROKERS: '', REDIS_URL: '', HB_LOG_LEVEL: 'warn' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('usage errors exit 2: unknown command, unknown flag, bad enum value, silence without marker', () => {
  assert.equal(hb(['no-such-command']).code, 2);
  assert.equal(hb(['config', 'print', '--no-such-flag']).code, 2);
  assert.equal(hb(['render', 'жар', '--style', 'sonnet']).code, 2);
  const silence = hb(['render', 'жар', '--style', 'silence', '--marker', 'none']);
  assert.equal(silence.code, 2);
  assert.match(silence.stderr, /HB_ERR_USAGE/);
  assert.equal(silence.stdout, '');
  assert.equal(hb(['config', 'print'], undefined).code, 0);
});

test('a bad configuration value is a usage error naming the key', () => {
  const r = spawnSync(process.execPath, [BIN, 'config', 'print'], { encoding: 'utf8', env: { ...process.env, HB_PARTITIONS: 'many' } });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /HB_PARTITIONS/);
});

test('config print --json is one JSON object with secrets masked', () => {
  const r = spawnSync(process.execPath, [BIN, 'config', 'print', '--json'], {
    encoding: 'utf8', env: { ...process.env, REDIS_URL: 'redis://u:hunter2@127.0.0.1:1', KAFKA_BROKERS: '' },
  });
  assert.equal(r.status, 0);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  assert.equal(JSON.parse(lines[0]!).REDIS_URL, 'redis://***@127.0.0.1:1');
  assert.ok(!r.stdout.includes('hunter2'));
});

test('produce then consume on the embedded bus: one line per input, errors in place', () => {
  const log = ['{"id":"m1","conversationId":"c","text":"пепелвспышка"}', '{broken', 'emberwind'].join('\n');
  const produced = hb(['produce', '--input', '-', '--json'], log);
  assert.equal(produced.code, 0);
  const lines = produced.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 3);
  assert.equal(lines[0].id, 'm1');
  assert.equal(lines[1].error.code, 'HB_ERR_NOT_JSON');
  assert.equal(lines[1].input, '{broken');
  assert.equal(lines[2].id, 'stdin:3');
  const consumed = hb(['consume', 'hb.dialogue.raw', '--json', '--idle-ms', '300']);
  assert.equal(consumed.code, 0);
  const events = consumed.stdout.trim().split('\n').map((l) => JSON.parse(l).event);
  assert.deepEqual(events.map((e) => e.text).sort(), ['emberwind', 'пепелвспышка']);
});
