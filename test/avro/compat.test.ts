import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildSchemaRegistry,
  catalogueOf,
  checkCompatibility,
  checkSchemas,
  type SchemaSource,
} from '../../services/avro/index.js';
import { HyperBridgeError } from '../../services/lib/errors.js';

const NS = 't';
const record = (name: string, fields: unknown[]): unknown => ({ type: 'record', name, namespace: NS, fields });
const enumOf = (name: string, symbols: string[], extra: object = {}): unknown => ({ type: 'enum', name, namespace: NS, symbols, ...extra });
const source = (version: number, schema: unknown): SchemaSource => ({
  version,
  file: `v${version}/${(schema as { name: string }).name}.avsc`,
  schema,
});

const V1_THING = record('Thing', [
  { name: 'a', type: 'int' },
  { name: 'label', type: ['null', 'string'], default: null },
  { name: 'colour', type: 'Colour' },
]);
const V1_COLOUR = enumOf('Colour', ['red', 'green', 'blue']);

/** Problems of a v2 that replaces some of v1's files. */
const problemsOf = (...v2: unknown[]): string[] =>
  checkCompatibility(buildSchemaRegistry([source(1, V1_THING), source(1, V1_COLOUR), ...v2.map((s) => source(2, s))]));

test('compatible changes pass: new field with a default, removed field, promotion, new enum symbol', () => {
  assert.deepEqual(problemsOf(record('Thing', [
    { name: 'a', type: 'long' },
    { name: 'colour', type: 'Colour' },
    { name: 'weight', type: 'double', default: 0 },
  ])), []);
  assert.deepEqual(problemsOf(enumOf('Colour', ['red', 'green', 'blue', 'black'])), []);
  assert.deepEqual(problemsOf(enumOf('Colour', ['red', 'green'], { default: 'red' })), []);
  assert.deepEqual(problemsOf(record('Thing', [
    { name: 'a', type: ['null', 'int', 'string'] },
    { name: 'label', type: ['null', 'string', 'bytes'], default: null },
    { name: 'colour', type: 'Colour' },
  ])), []);
});

test('a field added without a default is named', () => {
  const problems = problemsOf(record('Thing', [
    { name: 'a', type: 'int' },
    { name: 'label', type: ['null', 'string'], default: null },
    { name: 'colour', type: 'Colour' },
    { name: 'weight', type: 'double' },
  ]));
  assert.deepEqual(problems, ['t.Thing v2 cannot read v1: t.Thing.weight: field added without a default']);
});

test('a removed enum symbol without a default is named, in the enum and in the records using it', () => {
  const problems = problemsOf(enumOf('Colour', ['red', 'green']));
  assert.ok(problems.includes('t.Colour v2 cannot read v1: t.Colour: enum symbols removed without an enum default: blue'), problems.join('\n'));
  assert.ok(problems.includes('t.Thing v2 cannot read v1: t.Thing.colour: enum symbols removed without an enum default: blue'), problems.join('\n'));
});

test('narrowing a type or dropping null from a union breaks', () => {
  const problems = problemsOf(record('Thing', [
    { name: 'a', type: 'string' },
    { name: 'label', type: 'string', default: '' },
    { name: 'colour', type: 'Colour' },
  ]));
  assert.deepEqual(problems, [
    "t.Thing v2 cannot read v1: t.Thing.a: the writer's int cannot be read as string",
    "t.Thing v2 cannot read v1: t.Thing.label: the writer's null cannot be read as string",
  ]);
});

test('renaming a record breaks unless the old name is an alias', () => {
  const renamed = (aliases: string[]): unknown => ({ ...(V1_THING as object), name: 'Item', aliases });
  const sources = (aliases: string[]): SchemaSource[] => [
    source(1, V1_COLOUR),
    source(1, record('Box', [{ name: 'thing', type: 'Thing' }])),
    source(1, V1_THING),
    source(2, record('Box', [{ name: 'thing', type: 'Item' }])),
    source(2, renamed(aliases)),
  ];
  assert.deepEqual(checkCompatibility(buildSchemaRegistry(sources([]))), [
    "t.Box v2 cannot read v1: t.Box.thing: the writer's t.Thing cannot be read as t.Item",
  ]);
  assert.deepEqual(checkCompatibility(buildSchemaRegistry(sources(['t.Thing']))), []);
});

test('the catalogue check catches an edited released schema and an uncatalogued version', () => {
  const v1 = buildSchemaRegistry([source(1, V1_THING), source(1, V1_COLOUR)]);
  const recorded = catalogueOf(v1);
  assert.ok(checkSchemas(v1, recorded).ok);
  const edited = buildSchemaRegistry([source(1, V1_THING), source(1, enumOf('Colour', ['red', 'green', 'blue', 'black']))]);
  const kinds = checkSchemas(edited, recorded).catalogueDifferences.map((d) => `${d.kind} ${d.message.split(':')[0]}`);
  assert.deepEqual(kinds.sort(), ['edited t.Colour v1', 'edited t.Thing v1']);
  const grown = buildSchemaRegistry([source(1, V1_THING), source(1, V1_COLOUR), source(2, enumOf('Colour', ['red', 'green', 'blue', 'black']))]);
  const added = checkSchemas(grown, recorded).catalogueDifferences;
  assert.deepEqual(added.map((d) => d.kind), ['uncatalogued', 'uncatalogued']);
});

test('invalid schema files are HB_ERR_SCHEMA_INVALID', () => {
  const invalid = (sources: SchemaSource[], reason: RegExp): void =>
    assert.throws(() => buildSchemaRegistry(sources), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_SCHEMA_INVALID' && reason.test(e.message));
  invalid([source(1, V1_THING)], /uses t\.Colour, which no schema file defines/);
  invalid([source(1, V1_COLOUR), { version: 1, file: 'v1/Other.avsc', schema: V1_THING }], /must be named after the type/);
  invalid([source(1, V1_COLOUR), source(1, record('Thing', [{ name: 'a', type: 'colour-ish' }]))], /no schema file defines/);
  invalid([source(1, enumOf('Persona', ['body-poet']))], /Persona/);
  invalid([], /no schema files/);
});
