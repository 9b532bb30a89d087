/**
 * The seed's facts through the real pieces: the bundled static model, the lexicon's compressScene and the
 * shipped tension training set.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbedder } from '../../services/adapters/embedder/index.js';
import { createSignatureStore } from '../../services/adapters/store/index.js';
import { createClassifyHandler } from '../../services/classify/handler.js';
import { compressScene } from '../../services/core/scene/index.js';
import { DEFAULT_RENDER_REQUEST, type SceneEvent } from '../../services/core/events.js';
import { loadSceneDeps } from '../../services/data/lexicon.js';
import { BUNDLED_MODEL } from '../../services/data/model.js';
import { loadTensionModel } from '../../services/data/tension.js';
import { loadConfig } from '../../services/lib/config.js';
import { rootPath } from '../../services/lib/paths.js';

const modelMissing = !existsSync(rootPath(BUNDLED_MODEL)) && !process.env.HB_MODEL;

describe('classify stage on the seed examples (bundled model)', { skip: modelMissing && `${BUNDLED_MODEL} is not built` }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hb-seed-'));
  const config = loadConfig({ env: { HB_DATA_DIR: dir, ...(process.env.HB_MODEL ? { HB_MODEL: process.env.HB_MODEL } : {}) } });
  const embedder = await createEmbedder(config);
  const [sceneDeps, tensionModel, store] = await Promise.all([loadSceneDeps(), loadTensionModel(embedder), createSignatureStore(config, embedder)]);
  const handler = createClassifyHandler({ embedder, tensionModel, store });
  const classify = async (text: string, id = 'm-seed') => {
    const scene = compressScene({ id, text }, sceneDeps, { maxTextBytes: 65536 });
    const event: SceneEvent = {
      message: { id, conversationId: 'seed', speaker: null, text, runId: null, seq: 0, request: DEFAULT_RENDER_REQUEST },
      scene, renderings: [], status: 'pending', pending: ['scene.tension', 'renderings'],
    };
    return (await handler.process(event)).scene;
  };

  it('reads пепелвспышкажизньтишина as archetypal: decay, awakening, action, return', async () => {
    const scene = await classify('пепелвспышкажизньтишина');
    assert.equal(scene.tension!.type, 'archetypal');
    assert.deepEqual(scene.components.map((c) => c.phase), ['decay', 'awakening', 'action', 'return']);
    assert.deepEqual(scene.tension!.arc, ['decay', 'awakening', 'action', 'return']);
  });

  it('reads ⚡🜂🫁 as bodily and аксиомадоказательствотеорема as logical', async () => {
    assert.equal((await classify('⚡🜂🫁')).tension!.type, 'bodily');
    assert.equal((await classify('аксиомадоказательствотеорема')).tension!.type, 'logical');
  });

  it('finds a classified scene again from its emoji form through the store', async () => {
    const scene = await classify('пепелвспышкажизньтишина', 'm-lookup');
    const query = compressScene({ id: 'q', text: '🪶⚡🌱🤫' }, sceneDeps, { maxTextBytes: 65536 });
    const matches = await store.lookup(await embedder.embed({ text: '🪶⚡🌱🤫', components: query.components }), 3);
    assert.ok(matches.some((m) => m.sceneId === scene.sceneId), JSON.stringify(matches));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
