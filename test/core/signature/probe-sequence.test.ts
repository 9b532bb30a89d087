import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { probeSequence } from '../../../services/core/signature/probe-sequence.js';
import { mulberry32 } from '../../../services/core/signature/index.js';

/** Every non-empty flip set of every band, scored by brute force: what the sequence must reproduce. */
function allProbes(distances: Float64Array, bands: number, rows: number) {
  const out: { band: number; flips: number; score: number }[] = [];
  for (let band = 0; band < bands; band++) {
    for (let flips = 1; flips < 1 << rows; flips++) {
      let score = 0;
      for (let r = 0; r < rows; r++) if (flips & (1 << r)) score += distances[band * rows + r]!;
      out.push({ band, flips, score });
    }
  }
  return out.sort((a, b) => a.score - b.score);
}

describe('query-directed probe sequence', () => {
  it('yields the lowest-scoring flip sets over all bands, in score order, each once', () => {
    const rand = mulberry32(11);
    const bands = 3;
    const rows = 5;
    const distances = Float64Array.from({ length: bands * rows }, () => rand());
    const expected = allProbes(distances, bands, rows);
    const got = probeSequence(distances, bands, rows, expected.length);
    assert.equal(got.length, expected.length);
    assert.equal(new Set(got.map((p) => `${p.band}:${p.flips}`)).size, got.length);
    got.forEach((p, i) => assert.ok(Math.abs(p.score - expected[i]!.score) < 1e-12, `probe ${i}: ${p.score} vs ${expected[i]!.score}`));
    // Asking for fewer gives the same prefix; asking for more than exist gives all of them.
    assert.deepEqual(probeSequence(distances, bands, rows, 7), got.slice(0, 7));
    assert.equal(probeSequence(distances, bands, rows, 10_000).length, expected.length);
  });

  it('spends the budget on the band whose hyperplanes pass closest', () => {
    // Band 1 has two near hyperplanes, band 0 none: the first probes are all band 1's.
    const distances = Float64Array.from([0.9, 0.8, 0.7, 0.01, 0.02, 0.95]);
    const probes = probeSequence(distances, 2, 3, 3);
    assert.deepEqual(probes.map((p) => [p.band, p.flips]), [[1, 0b001], [1, 0b010], [1, 0b011]]);
  });

  it('handles 32-bit bands without sign trouble', () => {
    const distances = Float64Array.from({ length: 32 }, (_, r) => 32 - r);
    const [first] = probeSequence(distances, 1, 32, 1);
    assert.equal(first!.flips, 2 ** 31);
  });
});
