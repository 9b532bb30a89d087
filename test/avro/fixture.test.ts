import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeEvent } from '../../services/avro/index.js';
import { DEFAULT_RENDER_REQUEST } from '../../services/core/events.js';
import { rootPath } from '../../services/lib/paths.js';

/** Written by fastavro with schema set v1 (test/fixtures/avro/README.md); read here with the current schemas. */
const fixture = (name: string): Buffer => readFileSync(rootPath('test/fixtures/avro', name));
const source = (name: string): { event: Record<string, unknown> } => JSON.parse(readFileSync(rootPath('test/fixtures/avro', name), 'utf8'));

const V2_DEFAULTS = { runId: null, seq: 0, request: DEFAULT_RENDER_REQUEST };

test('a DialogueMessage written with v1 reads with the current schema, new fields at their defaults', () => {
  const decoded = decodeEvent(fixture('dialogue-message.v1.avro'), 'raw');
  assert.deepEqual(decoded.schema, { name: 'io.hyperbridge.DialogueMessage', version: 1, fingerprint: '397a1f87116ff963' });
  assert.deepStrictEqual(decoded.event, { ...source('dialogue-message.v1.json').event, ...V2_DEFAULTS });
  assert.equal(decoded.event.text, 'пепел вспыхнул жизнью 🔥 и стало тихо');
});

test('an IngestedScene written with v1 resolves its nested v1 message', () => {
  const decoded = decodeEvent(fixture('ingested-scene.v1.avro'), 'ingested');
  assert.equal(decoded.schema.version, 1);
  const expected = source('ingested-scene.v1.json').event;
  assert.deepStrictEqual(decoded.event, { ...expected, message: { ...(expected.message as object), ...V2_DEFAULTS } });
});
