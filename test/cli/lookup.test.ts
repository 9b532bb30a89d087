/**
 * Reverse lookup as a user runs it: scenes stored by `run` on the embedded default are found again from their
 * marker-free renderings, in both languages, and an unrelated text finds nothing above the threshold.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootPath } from '../../services/lib/paths.js';

const BIN = rootPath('dist/services/cli/main.js');
const dataDir = mkdtempSync(join(tmpdir(), 'hb-lookup-'));

function hb(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--json'], {
    encoding: 'utf8', env: { ...process.env, HB_DATA_DIR: dataDir, KAFKA_BROKERS: '', REDIS_URL: '', HB_LOG_LEVEL: 'warn' }, timeout: 120_000,
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l));
}

const MESSAGES = ['пепелвспышкажизньтишина', 'входжарстрах', 'ashflashlifesilence', 'river stone moon', '⚡🜂🫁'];

test('a marker-free rendering of a stored scene looks up that scene first', () => {
  const log = join(dataDir, 'log.jsonl');
  writeFileSync(log, MESSAGES.map((text, i) => JSON.stringify({ id: `m${i}`, conversationId: 'c', text })).join('\n'));
  const stored = hb(['run', '--input', log]);
  assert.equal(stored.length, MESSAGES.length);
  const sceneIds = stored.map((line) => line.sceneId as string);
  for (const style of ['narrative', 'essay', 'poem']) {
    const renderings = hb(['render', ...MESSAGES, '--style', style, '--marker', 'none']).map((r) => r.text as string);
    const found = hb(['lookup', ...renderings, '--k', '3']);
    found.forEach((f, i) => assert.equal(f.matches[0]?.sceneId, sceneIds[i], `${style} rendering of ${MESSAGES[i]}: «${renderings[i]}» found ${JSON.stringify(f.matches)}`));
  }
  const [unrelated] = hb(['lookup', 'бухгалтерский отчёт за квартал']);
  assert.deepEqual(unrelated.matches, []);
});
