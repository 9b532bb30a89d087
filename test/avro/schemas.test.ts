import { test } from 'node:test';
import assert from 'node:assert/strict';
import type avro from 'avsc';
import { checkSchemas, loadCatalogue, loadSchemaRegistry, NAMESPACE, TOPIC_KINDS, TOPIC_RECORDS } from '../../services/avro/index.js';
import { DEFAULT_RENDER_REQUEST } from '../../services/core/events.js';
import { KINDS, LANGS, MARKER_MODES, PHASES, STYLES, TENSION_TYPES, VERDICTS } from '../../services/core/types.js';

const registry = loadSchemaRegistry();
const current = (name: string): avro.Type => registry.current(`${NAMESPACE}.${name}`).type;
type Described = avro.Type & { symbols?: string[]; fields?: { name: string; defaultValue(): unknown }[] };

test('the catalogue matches the schema files and every current schema reads every older version', () => {
  const report = checkSchemas(registry, loadCatalogue());
  assert.deepEqual(report.catalogueDifferences, []);
  assert.deepEqual(report.breakingChanges, []);
  assert.ok(report.ok);
});

test('the enums hold exactly the contract values', () => {
  const expected: Record<string, readonly string[]> = {
    Kind: KINDS,
    Lang: LANGS,
    OutputLang: LANGS.filter((l) => l !== 'mixed'),
    TensionType: TENSION_TYPES,
    Phase: PHASES,
    Style: STYLES,
    StyleChoice: [...STYLES, 'auto'],
    Verdict: VERDICTS,
    MarkerMode: MARKER_MODES,
    EventStatus: ['complete', 'pending'],
  };
  for (const [name, symbols] of Object.entries(expected)) assert.deepEqual((current(name) as Described).symbols, symbols, name);
});

test('the records have the fields of services/core, in order', () => {
  const expected: Record<string, string[]> = {
    Component: ['text', 'lemma', 'kind', 'concept', 'phase'],
    TensionScores: ['bodily', 'logical', 'archetypal'],
    Tension: ['type', 'scores', 'arc'],
    Scene: ['sceneId', 'mnemonic', 'key', 'lang', 'components', 'tension'],
    Rendering: ['style', 'persona', 'lang', 'text', 'marker', 'verdict', 'resonance', 'markerOk', 'why'],
    RenderRequest: ['styles', 'persona', 'lang', 'marker'],
    DialogueMessage: ['id', 'conversationId', 'speaker', 'text', 'runId', 'seq', 'request'],
    DeadLetter: ['stage', 'code', 'reason', 'source', 'payload', 'length', 'sha256', 'at'],
  };
  for (const kind of ['ingested', 'classified', 'rendered', 'verified'] as const) {
    expected[TOPIC_RECORDS[kind].slice(NAMESPACE.length + 1)] = ['message', 'scene', 'renderings', 'status', 'pending'];
  }
  for (const [name, fields] of Object.entries(expected)) {
    assert.deepEqual((current(name) as Described).fields!.map((f) => f.name), fields, name);
  }
});

test('the four scene topics share one structure under four names', () => {
  const bodies = (['ingested', 'classified', 'rendered', 'verified'] as const).map((kind) =>
    registry.current(TOPIC_RECORDS[kind]).canonicalForm.replace(/^\{"name":"[^"]+"/, ''),
  );
  assert.equal(new Set(bodies).size, 1);
});

test('a message written before v2 reads with the contract default request', () => {
  const request = (current('DialogueMessage') as Described).fields!.find((f) => f.name === 'request')!;
  assert.deepEqual({ ...request.defaultValue() as object }, DEFAULT_RENDER_REQUEST);
});

test('every topic kind has a record with a history', () => {
  for (const kind of TOPIC_KINDS) assert.ok(registry.history(TOPIC_RECORDS[kind]).length >= 1, kind);
  assert.deepEqual(registry.history(`${NAMESPACE}.DialogueMessage`).map((v) => v.version), [1, 2]);
});
