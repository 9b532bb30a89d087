import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClassifyHandler } from '../../services/classify/handler.js';
import { createSignatureStore } from '../../services/adapters/store/index.js';
import { parseTrainingSet, trainTensionModel } from '../../services/core/tension/index.js';
import { loadTensionTrainingSet } from '../../services/data/tension.js';
import { loadConfig } from '../../services/lib/config.js';
import { HyperBridgeError } from '../../services/lib/errors.js';
import { DEFAULT_RENDER_REQUEST, type SceneEvent } from '../../services/core/events.js';
import { component, synthVector, syntheticEmbedder } from '../core/tension/synthetic.js';

const dir = mkdtempSync(join(tmpdir(), 'hb-classify-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function event(words: string[]): SceneEvent {
  return {
    message: { id: 'm1', conversationId: 'c1', speaker: null, text: words.join(''), runId: null, seq: 0, request: DEFAULT_RENDER_REQUEST },
    scene: { sceneId: 'SCN-h1', mnemonic: words.join(''), key: words.join('·'), lang: 'ru', components: words.map(component), tension: null },
    renderings: [],
    status: 'pending',
    pending: ['scene.tension', 'renderings'],
  };
}

describe('classify handler', async () => {
  const rows = parseTrainingSet(
    ['пепел\tarchetypal\tdecay', 'вспышка\tarchetypal\tawakening', 'жизнь\tarchetypal\taction', 'тишина\tarchetypal\treturn', 'тело\tbodily\tnone', 'вдох\tbodily\tawakening', 'аксиома\tlogical\tnone', 'теорема\tlogical\tnone'].join('\n'),
  );
  const tensionModel = trainTensionModel(syntheticEmbedder.modelId, rows.map((r) => ({ vector: synthVector(r.item)!, type: r.type, phase: r.phase })));
  const config = loadConfig({ env: { HB_DATA_DIR: dir } });
  const store = await createSignatureStore(config, syntheticEmbedder);
  after(() => store.close());
  const handler = createClassifyHandler({ embedder: syntheticEmbedder, tensionModel, store });

  it('fills the tension and the phases, and indexes the scene before it resolves', async () => {
    const out = await handler.process(event(['пепел', 'вспышка', 'жизнь', 'тишина']));
    assert.equal(out.scene.tension!.type, 'archetypal');
    assert.deepEqual(out.scene.components.map((c) => c.phase), ['decay', 'awakening', 'action', 'return']);
    assert.deepEqual(out.scene.tension!.arc, ['decay', 'awakening', 'action', 'return']);
    assert.deepEqual(out.pending, ['renderings']);
    assert.equal(out.status, 'pending');
    const query = await syntheticEmbedder.embed({ text: '', components: ['пепел', 'вспышка', 'жизнь', 'тишина'].map(component) });
    const found = await store.lookup(query, 1);
    assert.equal(found[0]!.sceneId, 'SCN-h1');
    assert.equal(found[0]!.mnemonic, 'пепелвспышкажизньтишина');
  });

  it('refuses an event without a scene, and a model trained for another embedder', async () => {
    await assert.rejects(handler.process({ ...event(['пепел']), scene: undefined as never }), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_PENDING_STAGE');
    assert.throws(() => createClassifyHandler({ embedder: { ...syntheticEmbedder, modelId: 'other' }, tensionModel, store }), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_MODEL_MISMATCH');
  });

  it('ships a training set that parses and covers every type and phase', () => {
    const shipped = loadTensionTrainingSet();
    for (const t of ['bodily', 'logical', 'archetypal']) assert.ok(shipped.filter((r) => r.type === t).length >= 50, t);
    for (const p of ['decay', 'awakening', 'action', 'return', 'none']) assert.ok(shipped.filter((r) => r.phase === p).length >= 30, p);
  });
});
