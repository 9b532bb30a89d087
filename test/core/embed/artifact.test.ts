import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStaticModel } from '../../../services/core/embed/index.js';
import { HyperBridgeError } from '../../../services/lib/errors.js';
import { artifactBytes } from './artifact-bytes.js';

const entries = { огонь: [1, 0, 0, 0], fire: [0.9, 0.1, 0, 0], '🔥': [0.8, 0, 0.2, 0] };

test('parses keys, dimension and int8 vectors with their scales', () => {
  const model = parseStaticModel(artifactBytes(entries));
  assert.equal(model.dim, 4);
  assert.deepEqual(model.keys, ['огонь', 'fire', '🔥']);
  assert.equal(model.index.get('fire'), 1);
  assert.equal(model.vectors[0], 127);
  assert.ok(Math.abs(model.scales[0]! - 1 / 127) < 1e-6); // [127, 0, 0, 0]: unit length at 1/127
});

test('the model id names the model and the artifact hash, so different artifacts never share an id', () => {
  const a = parseStaticModel(artifactBytes(entries));
  const b = parseStaticModel(artifactBytes({ ...entries, fire: [0, 1, 0, 0] }));
  assert.match(a.modelId, /^test-model-v1@[0-9a-f]{12}$/);
  assert.notEqual(a.modelId, b.modelId);
  assert.equal(a.modelId, parseStaticModel(artifactBytes(entries)).modelId);
});

test('parses from a Buffer slice at an unaligned offset', () => {
  const bytes = artifactBytes(entries);
  const padded = Buffer.concat([Buffer.from([1, 2, 3]), bytes]).subarray(3);
  assert.equal(parseStaticModel(padded).scales[1], parseStaticModel(bytes).scales[1]);
});

test('bad bytes give HB_ERR_MODEL_LOAD, never a crash', () => {
  const good = artifactBytes(entries);
  const wrongMagic = Buffer.from(good);
  wrongMagic.write('NOPE', 0, 'latin1');
  const wrongVersion = Buffer.from(good);
  wrongVersion.writeUInt32LE(9, 4);
  for (const bytes of [Buffer.alloc(0), wrongMagic, wrongVersion, good.subarray(0, 40), good.subarray(0, good.length - 5)]) {
    assert.throws(() => parseStaticModel(bytes), (err: unknown) => err instanceof HyperBridgeError && err.code === 'HB_ERR_MODEL_LOAD');
  }
});
