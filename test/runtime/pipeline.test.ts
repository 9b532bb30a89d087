import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../services/lib/config.js';
import { createLogger } from '../../services/lib/logger.js';
import { listDeadLetters, runPipeline } from '../../services/runtime/index.js';
import { fixtureHandlers, fixtureMessages } from './fixture-handlers.js';

const logger = createLogger('silent');

async function runOnce(dataDir: string, messages: ReturnType<typeof fixtureMessages>, maxInFlight = 64): Promise<string[]> {
  const config = loadConfig({ env: { HB_DATA_DIR: dataDir, HB_MAX_IN_FLIGHT: String(maxInFlight) } });
  const lines: string[] = [];
  for await (const result of runPipeline(messages, config, fixtureHandlers(), { logger })) lines.push(JSON.stringify(result));
  return lines;
}

test('the same log run twice gives byte-identical output, in input order, one line per message', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hb-run-'));
  const messages = fixtureMessages(500, 17);
  messages[7] = { ...messages[7]!, text: '   ' };
  const first = await runOnce(dir, messages);
  const second = await runOnce(dir, messages);
  assert.equal(first.length, 500);
  assert.equal(first.join('\n'), second.join('\n'));
  const parsed = first.map((l) => JSON.parse(l));
  assert.deepEqual(parsed.map((r) => r.message.id), messages.map((m) => m.id));
  assert.equal(parsed[7].error.code, 'HB_ERR_EMPTY_INPUT');
  assert.equal(parsed[7].error.stage, 'ingest');
  assert.equal(parsed[8].event.renderings[0].verdict, 'lossless');

  // Both runs' dead letters are kept in the persisted topic.
  const config = loadConfig({ env: { HB_DATA_DIR: dir } });
  const letters = await listDeadLetters(config, { logger, idleMs: 0 });
  assert.equal(letters.length, 2);
  assert.equal(letters[0]!.letter.code, 'HB_ERR_EMPTY_INPUT');
});

test('a text over HB_MAX_TEXT_BYTES is refused before it is produced and yields its error in place', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hb-run-'));
  const messages = fixtureMessages(5);
  messages[2] = { ...messages[2]!, text: 'я'.repeat(40000) };
  const lines = (await runOnce(dir, messages)).map((l) => JSON.parse(l));
  assert.equal(lines.length, 5);
  assert.equal(lines[2].error.code, 'HB_ERR_TEXT_TOO_LONG');
  assert.equal(lines[3].event.message.id, 'm3');
});

test('a window smaller than the input still yields everything in order (back-pressure, no deadlock)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hb-run-'));
  const lines = await runOnce(dir, fixtureMessages(300, 3), 4);
  assert.deepEqual(lines.map((l) => JSON.parse(l).message.seq), Array.from({ length: 300 }, (_, i) => i));
});

test('uneven partitions with a small window: every message comes out, in order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hb-run-'));
  // Runs of one conversation then another fill single partitions far ahead of the rest.
  const messages = fixtureMessages(1500, 1).map((m, i) => ({ ...m, conversationId: `c${Math.floor(i / 40) % 9}` }));
  const lines = await runOnce(dir, messages, 8);
  assert.deepEqual(lines.map((l) => JSON.parse(l).message.seq), Array.from({ length: 1500 }, (_, i) => i));
});
