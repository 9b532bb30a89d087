import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createLsh, cosine, signatureNamespace, assertNamespace, rankCandidates, mulberry32 } from '../../../services/core/signature/index.js';
import { HyperBridgeError } from '../../../services/lib/errors.js';
import { vectorSource } from '../../adapters/store/vectors.js';

describe('random-hyperplane LSH', () => {
  const params = { bands: 16, rows: 8, seed: 42 };

  it('gives the same band keys for the same seed, and different ones for another seed', () => {
    const v = vectorSource(1).random();
    assert.deepEqual(createLsh(32, params).bandKeys(v), createLsh(32, params).bandKeys(v));
    assert.notDeepEqual(createLsh(32, params).bandKeys(v), createLsh(32, { ...params, seed: 43 }).bandKeys(v));
    const keys = createLsh(32, params).bandKeys(v);
    assert.equal(keys.length, 16);
    assert.match(keys[3]!, /^3:[0-9a-f]{1,2}$/);
  });

  it('agrees on a bit with probability close to 1 - angle/π', () => {
    const lsh = createLsh(32, { bands: 64, rows: 1, seed: 5 });
    const vs = vectorSource(2);
    let agree = 0;
    let expected = 0;
    const pairs = 300;
    for (let i = 0; i < pairs; i++) {
      const a = vs.random();
      const b = vs.near(a, 0.3);
      const ka = lsh.bandKeys(a);
      const kb = lsh.bandKeys(b);
      agree += ka.filter((k, j) => k === kb[j]).length;
      expected += 64 * (1 - Math.acos(Math.min(1, cosine(a, b))) / Math.PI);
    }
    assert.ok(Math.abs(agree - expected) / expected < 0.03, `agreement ${agree} vs expected ${expected}`);
  });

  it('probes each band\'s own bucket, then neighbouring buckets across bands', () => {
    const lsh = createLsh(32, { bands: 4, rows: 6, seed: 1 });
    const v = vectorSource(3).random();
    const own = lsh.bandKeys(v);
    const probed = lsh.probeKeys(v, 10);
    assert.equal(probed.length, 4 + 10);
    assert.deepEqual(probed.slice(0, 4), own);
    assert.equal(new Set(probed).size, probed.length);
    assert.deepEqual(lsh.probeKeys(v, 0), own);
    // A probed bucket differs from its band's own bucket.
    for (const key of probed.slice(4)) {
      const band = Number(key.split(':')[0]);
      assert.notEqual(key, own[band]);
    }
  });

  it('finds more near neighbours with probes than without', () => {
    const lsh = createLsh(32, { bands: 4, rows: 10, seed: 3 });
    const vs = vectorSource(12);
    let plain = 0;
    let probed = 0;
    for (let i = 0; i < 200; i++) {
      const a = vs.random();
      const b = vs.near(a, 0.25);
      const stored = new Set(lsh.bandKeys(b));
      if (lsh.probeKeys(a, 0).some((k) => stored.has(k))) plain++;
      if (lsh.probeKeys(a, 40).some((k) => stored.has(k))) probed++;
    }
    assert.ok(probed > plain * 1.3, `probed ${probed} vs plain ${plain}`);
  });

  it('hashes around a centre, which is part of the namespace', () => {
    const vs = vectorSource(4);
    const offset = vs.random().map((x) => x * 10);
    // Vectors crowded around one far point: around the origin they share nearly every bit, around their mean not.
    const crowd = Array.from({ length: 50 }, () => vs.near(offset, 0.02));
    const distinct = (lsh: ReturnType<typeof createLsh>) => new Set(crowd.map((v) => lsh.bandKeys(v).join())).size;
    const mean = new Float32Array(32);
    for (const v of crowd) v.forEach((x, i) => (mean[i] = mean[i]! + x / crowd.length));
    assert.ok(distinct(createLsh(32, params, mean)) > distinct(createLsh(32, params)) * 5);
    assert.notEqual(signatureNamespace('m', 32, params, mean), signatureNamespace('m', 32, params));
    assert.equal(signatureNamespace('m', 32, params, mean), signatureNamespace('m', 32, params, Float32Array.from(mean)));
  });

  it('rejects bad parameters and vectors of another dimension', () => {
    assert.throws(() => createLsh(0, params), HyperBridgeError);
    assert.throws(() => createLsh(8, { ...params, rows: 33 }), HyperBridgeError);
    assert.throws(() => createLsh(8, params).bandKeys(new Float32Array(9)), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_MODEL_MISMATCH');
  });

  it('a seeded PRNG repeats itself', () => {
    const a = mulberry32(9);
    const b = mulberry32(9);
    for (let i = 0; i < 5; i++) assert.equal(a(), b());
  });
});

describe('namespace', () => {
  it('names the model, the dimension and the LSH settings and refuses another', () => {
    const ns = signatureNamespace('static-ru-en-v1', 300, { bands: 16, rows: 8, seed: 42 });
    assert.equal(ns, 'static-ru-en-v1#d300#lsh-b16-r8-s42');
    assertNamespace(null, ns, 'new store', 'clear it');
    assertNamespace(ns, ns, 'same store', 'clear it');
    assert.throws(() => assertNamespace('other#d300#lsh-b16-r8-s42', ns, 'x', 'remove that folder'), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_MODEL_MISMATCH' && e.message.includes('remove that folder'));
  });
});

describe('rankCandidates', () => {
  it('ranks by cosine, drops those under the threshold, breaks ties by id', () => {
    const q = Float32Array.from([1, 0]);
    const c = (sceneId: string, x: number, y: number) => ({ sceneId, key: sceneId, mnemonic: sceneId, vector: Float32Array.from([x, y]) });
    const out = rankCandidates(q, [c('b', 1, 0), c('a', 1, 0), c('far', 0, 1), c('mid', 1, 1)], 3, 0.5);
    assert.deepEqual(out.map((m) => m.sceneId), ['a', 'b', 'mid']);
    assert.ok(Math.abs(out[2]!.similarity - Math.SQRT1_2) < 1e-6);
  });
});
