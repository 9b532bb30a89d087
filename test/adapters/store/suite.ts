/**
 * One behaviour suite for every SignatureStore adapter (embedded and Redis): the adapters must answer the same
 * lookups the same way.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { HyperBridgeError } from '../../../services/lib/errors.js';
import type { SignatureStore, StoredScene, Clock } from '../../../services/adapters/store/index.js';
import { createFakeClock } from './fake-clock.js';
import { DIM, vectorSource } from './vectors.js';

export interface StoreFactoryOptions {
  /** Stores opened with the same space share their data (reopen, namespace checks). */
  space: string;
  ttlSeconds?: number;
  seed?: number;
  modelId?: string;
  clock: Clock;
}

export type StoreFactory = (opts: StoreFactoryOptions) => Promise<SignatureStore>;

export const MODEL = 'test-model-v1';

export function scene(sceneId: string, vector: Float32Array, modelId = MODEL): StoredScene {
  return { sceneId, key: `${sceneId}·key`, mnemonic: `${sceneId}-mnemonic`, vector, modelId, meta: { lang: 'ru' } };
}

export function runStoreSuite(name: string, open: StoreFactory): void {
  describe(`SignatureStore contract: ${name}`, () => {
    const opened: SignatureStore[] = [];
    const openTracked = async (o: StoreFactoryOptions) => {
      const s = await open(o);
      opened.push(s);
      return s;
    };
    after(async () => {
      for (const s of opened) await s.close(100).catch(() => undefined);
    });

    it('finds a stored scene from its own vector and from a near paraphrase vector', async () => {
      const store = await openTracked({ space: 'find', clock: createFakeClock() });
      const vs = vectorSource(1);
      const vectors = Array.from({ length: 50 }, () => vs.random());
      for (const [i, v] of vectors.entries()) await store.put(scene(`SCN-${i}`, v));
      const own = await store.lookup(vectors[7]!, 3);
      assert.equal(own[0]!.sceneId, 'SCN-7');
      assert.ok(Math.abs(own[0]!.similarity - 1) < 1e-5);
      assert.equal(own[0]!.mnemonic, 'SCN-7-mnemonic');
      assert.equal(own[0]!.key, 'SCN-7·key');
      const near = await store.lookup(vs.near(vectors[21]!, 0.05), 1);
      assert.equal(near[0]!.sceneId, 'SCN-21');
      assert.ok(near[0]!.similarity > 0.9 && near[0]!.similarity < 1);
    });

    it('answers no match under the threshold, and at most k matches best first', async () => {
      const store = await openTracked({ space: 'threshold', clock: createFakeClock() });
      const vs = vectorSource(2);
      const base = vs.random();
      for (let i = 0; i < 6; i++) await store.put(scene(`SCN-n${i}`, vs.near(base, 0.02 * (i + 1))));
      const unrelated = base.map((x) => -x);
      assert.deepEqual(await store.lookup(unrelated, 5), []);
      const top = await store.lookup(base, 4);
      assert.equal(top.length, 4);
      for (let i = 1; i < top.length; i++) assert.ok(top[i - 1]!.similarity >= top[i]!.similarity);
      const stats = await store.lookupWithStats(base, 10, 0);
      assert.ok(stats.candidates >= 6);
    });

    it('replaces a scene written again instead of keeping both vectors', async () => {
      const store = await openTracked({ space: 'replace', clock: createFakeClock() });
      const vs = vectorSource(3);
      const first = vs.random();
      const second = vs.random();
      await store.put(scene('SCN-r', first));
      await store.put(scene('SCN-r', second));
      assert.deepEqual(await store.lookup(first, 5), []);
      const found = await store.lookup(second, 5);
      assert.deepEqual(found.map((m) => m.sceneId), ['SCN-r']);
    });

    it('stops answering with expired scenes and prunes them', async () => {
      const clock = createFakeClock();
      const store = await openTracked({ space: 'ttl', ttlSeconds: 60, clock });
      const vs = vectorSource(4);
      const old = vs.random();
      await store.put(scene('SCN-old', old));
      await clock.advance(30_000);
      const young = vs.random();
      await store.put(scene('SCN-young', young));
      await clock.advance(31_000);
      assert.deepEqual(await store.lookup(old, 1), []);
      assert.equal((await store.lookup(young, 1))[0]!.sceneId, 'SCN-young');
      assert.equal(await store.prune(), 1);
      assert.equal(await store.prune(), 0);
      await clock.advance(60_000);
      assert.equal(await store.prune(), 1);
      assert.deepEqual(await store.lookup(young, 1), []);
    });

    it('keeps its scenes across a reopen', async () => {
      const clock = createFakeClock();
      const vs = vectorSource(5);
      const v = vs.random();
      const first = await open({ space: 'reopen', clock });
      await first.put(scene('SCN-kept', v));
      await first.close();
      const second = await openTracked({ space: 'reopen', clock });
      assert.equal((await second.lookup(v, 1))[0]!.sceneId, 'SCN-kept');
    });

    it('refuses to open over signatures of another model or other LSH settings', async () => {
      const clock = createFakeClock();
      const first = await open({ space: 'namespace', clock });
      await first.put(scene('SCN-ns', vectorSource(6).random()));
      await first.close();
      await assert.rejects(open({ space: 'namespace', clock, seed: 7 }), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_MODEL_MISMATCH');
      await assert.rejects(open({ space: 'namespace', clock, modelId: 'other-model' }), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_MODEL_MISMATCH');
    });

    it('rejects vectors of the wrong size or model with a clear error', async () => {
      const store = await openTracked({ space: 'bad', clock: createFakeClock() });
      const isMismatch = (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_MODEL_MISMATCH';
      await assert.rejects(store.put(scene('SCN-short', new Float32Array(DIM - 1))), isMismatch);
      await assert.rejects(store.put(scene('SCN-other', vectorSource(8).random(), 'other-model')), isMismatch);
      await assert.rejects(store.lookup(new Float32Array(DIM + 3), 1), isMismatch);
      const nan = vectorSource(9).random();
      nan[0] = Number.NaN;
      await assert.rejects(store.put(scene('SCN-nan', nan)), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_BAD_MESSAGE');
    });
  });
}
