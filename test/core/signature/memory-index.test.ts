import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createLsh, createMemoryIndex, rankCandidates } from '../../../services/core/signature/index.js';
import { vectorSource } from '../../adapters/store/vectors.js';

/** An index over `vectors` (slot = position) that counts what it reads back. */
function indexOver(vectors: Float32Array[], params = { bands: 4, rows: 4, seed: 3 }) {
  const reads = { vectors: 0, describes: 0 };
  const index = createMemoryIndex(createLsh(vectors[0]!.length, params), {
    vector: (slot) => {
      reads.vectors++;
      return vectors[slot]!;
    },
    describe: (slot) => {
      reads.describes++;
      return { key: `key-${slot}`, mnemonic: `mnemonic-${slot}` };
    },
  });
  return { index, reads };
}

describe('memory index', () => {
  const vs = vectorSource(11);
  const vectors = Array.from({ length: 40 }, () => vs.random());

  it('ranks its candidates as rankCandidates does, and reads key and mnemonic of the matches only', () => {
    // One band of one bit probed both ways: every scene is a candidate, so the answer is the exact top k.
    const { index, reads } = indexOver(vectors, { bands: 1, rows: 1, seed: 3 });
    vectors.forEach((v, slot) => index.put(`SCN-${slot}`, slot, v, null));
    const query = vs.near(vectors[9]!, 0.4);
    const result = index.lookup(query, 5, -1, 0, 1);
    const all = vectors.map((vector, slot) => ({ sceneId: `SCN-${slot}`, key: `key-${slot}`, mnemonic: `mnemonic-${slot}`, vector }));
    assert.deepEqual(result.matches, rankCandidates(query, all, 5, -1));
    assert.equal(result.candidates, vectors.length);
    assert.equal(reads.describes, 5);
  });

  it('keeps one slot per scene however often it is written again', () => {
    const { index } = indexOver(vectors);
    for (let slot = 0; slot < vectors.length; slot++) index.put('SCN-same', slot, vectors[slot]!, null);
    assert.equal(index.size, 1);
    assert.deepEqual(index.liveSlots(), [vectors.length - 1]);
    const found = index.lookup(vectors[vectors.length - 1]!, 5, -1, 0, 4);
    assert.deepEqual(found.matches.map((m) => [m.sceneId, m.key]), [['SCN-same', `key-${vectors.length - 1}`]]);
    assert.equal(found.candidates, 1);
    assert.deepEqual(index.lookup(vectors[3]!, 5, 0.99, 0, 4).matches, []);
    assert.throws(() => index.put('SCN-gap', vectors.length + 1, vectors[0]!, null), /out of turn/);
    assert.equal(index.size, 1);
  });

  it('stops answering with expired scenes and prunes them', () => {
    const { index } = indexOver(vectors);
    index.put('SCN-old', 0, vectors[0]!, 1000);
    index.put('SCN-kept', 1, vectors[1]!, null);
    index.put('SCN-young', 2, vectors[2]!, 5000);
    assert.deepEqual(index.lookup(vectors[0]!, 1, 0.99, 2000).matches, []);
    assert.equal(index.lookup(vectors[2]!, 1, 0.99, 2000).matches[0]!.sceneId, 'SCN-young');
    assert.equal(index.pruneExpired(2000), 1);
    assert.deepEqual(index.liveSlots(), [1, 2]);
    assert.equal(index.size, 2);
  });
});
