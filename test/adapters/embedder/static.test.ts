import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbedder } from '../../../services/adapters/embedder/index.js';
import { cosine } from '../../../services/core/embed/index.js';
import { HyperBridgeError } from '../../../services/lib/errors.js';
import { artifactBytes } from '../../core/embed/artifact-bytes.js';

const config = { HB_EMBEDDER: 'static', HB_MODEL: null, HB_ALLOW_REMOTE_MODELS: false } as const;
const isCode = (code: string) => (e: unknown) => e instanceof HyperBridgeError && e.code === code;

test('the default is the bundled model: 256 wide, id with its hash, and meaning across ru, en and emoji', async () => {
  const embedder = await createEmbedder(config);
  assert.equal(embedder.dim, 256);
  assert.match(embedder.modelId, /^hb-static-full-v1@[0-9a-f]{12}$/);
  const v = (w: string) => embedder.lemmaVector(w)!;
  // the seed's own examples: тепло near жар, 🔥 near огонь and fire, all far from a tax
  assert.ok(cosine(v('тепло'), v('жар')) > cosine(v('тепло'), v('налог')));
  assert.ok(cosine(v('огонь'), v('fire')) > cosine(v('огонь'), v('tax')));
  assert.ok(cosine(v('🔥'), v('огонь')) > cosine(v('🔥'), v('налог')));
  assert.deepEqual(embedder.lemmaVector('ёлка'), embedder.lemmaVector('елка'));
  const scene = await embedder.embed({ text: 'пепелвспышка', components: [
    { text: 'пепел', lemma: 'пепел', kind: 'word', concept: 'пепел', phase: 'decay' },
    { text: 'вспышка', lemma: 'вспышка', kind: 'word', concept: 'вспышка', phase: 'awakening' },
  ] });
  assert.ok(Math.abs(Math.hypot(...scene) - 1) < 1e-5);
});

test('HB_MODEL names another static model file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hb-static-'));
  try {
    const file = join(dir, 'm.bin');
    writeFileSync(file, artifactBytes({ a: [1, 0], b: [0, 1] }, { name: 'mine' }));
    const embedder = await createEmbedder({ ...config, HB_MODEL: file });
    assert.equal(embedder.dim, 2);
    assert.match(embedder.modelId, /^mine-v1@/);
    await assert.rejects(createEmbedder({ ...config, HB_MODEL: join(dir, 'absent.bin') }), isCode('HB_ERR_MODEL_LOAD'));
    writeFileSync(file, 'not a model');
    await assert.rejects(createEmbedder({ ...config, HB_MODEL: file }), isCode('HB_ERR_MODEL_LOAD'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
