import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createEmbedder } from '../../../services/adapters/embedder/index.js';
import { cosine } from '../../../services/core/embed/index.js';
import { HyperBridgeError } from '../../../services/lib/errors.js';
import { makeTinyModel } from './tiny-model.js';

const folder = makeTinyModel(32);
const config = { HB_EMBEDDER: 'transformers', HB_MODEL: folder, HB_ALLOW_REMOTE_MODELS: false } as const;
const input = (text: string) => ({ text, components: [] });
const isCode = (code: string) => (e: unknown) => e instanceof HyperBridgeError && e.code === code;

test.after(() => rmSync(dirname(folder), { recursive: true, force: true }));

test('loads a local ONNX model offline and gives unit vectors of its width, tagged with the model id', async () => {
  const embedder = await createEmbedder(config);
  assert.equal(embedder.dim, 32);
  assert.equal(embedder.modelId, `transformers:${folder}`);
  const v = await embedder.embed(input('огонь и пламя'));
  assert.ok(v instanceof Float32Array);
  assert.equal(v.length, 32);
  assert.ok(Math.abs(Math.hypot(...v) - 1) < 1e-5);
  assert.equal(embedder.lemmaVector('огонь'), null);
});

test('is deterministic, batches like single calls, and tells different texts apart', async () => {
  const embedder = await createEmbedder(config);
  const texts = ['огонь и пламя', 'fire door', 'тишина шаг вход', 'огонь и пламя'];
  const batch = await embedder.embedBatch(texts.map(input));
  const single = await Promise.all(texts.map((t) => embedder.embed(input(t))));
  for (let i = 0; i < texts.length; i++) {
    for (let d = 0; d < 32; d++) assert.ok(Math.abs(batch[i]![d]! - single[i]![d]!) < 1e-5);
  }
  assert.deepEqual(batch[0], batch[3]);
  assert.ok(cosine(batch[0]!, batch[1]!) < 0.999);
  assert.ok(cosine(batch[1]!, batch[2]!) < 0.999);
});

test('offline, a missing folder is a load error, not a download', async () => {
  await assert.rejects(createEmbedder({ ...config, HB_MODEL: join(folder, 'absent') }), isCode('HB_ERR_MODEL_LOAD'));
  await assert.rejects(createEmbedder({ ...config, HB_MODEL: 'Xenova/some-hub-model' }), isCode('HB_ERR_MODEL_LOAD'));
  await assert.rejects(createEmbedder({ ...config, HB_MODEL: null }), isCode('HB_ERR_CONFIG'));
});

test('empty text is refused with a registered error', async () => {
  const embedder = await createEmbedder(config);
  await assert.rejects(embedder.embed(input('  ')), isCode('HB_ERR_EMPTY_INPUT'));
});
