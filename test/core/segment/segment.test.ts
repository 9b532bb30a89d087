import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWordModel, segmentCoupling, bestSplit, type SegmentStats } from '../../../services/core/segment/index.js';
import { loadWordModel } from '../../../services/data/wordmodel.js';

const model = loadWordModel();
const split = (s: string): string => segmentCoupling(s, model, { isMappedSymbol: (g) => g === '🜂' }).map((p) => p.text).join('|');

test('the seed couplings and the issue examples', () => {
  assert.equal(split('пепелвспышкажизньтишина'), 'пепел|вспышка|жизнь|тишина');
  assert.equal(split('входжарстрах'), 'вход|жар|страх');
  assert.equal(split('тишинажаршагвнутрь'), 'тишина|жар|шаг|внутрь');
  assert.equal(split('жартишинавход'), 'жар|тишина|вход');
  assert.equal(split('emberwindmemory'), 'ember|wind|memory');
  assert.equal(split('холод❄️дыхание'), 'холод|❄️|дыхание');
  assert.equal(split('жар🜂тишина'), 'жар|🜂|тишина');
});

test('dynamic programming, not greedy longest match: столбуря is стол|буря although столб is a word', () => {
  assert.ok(!Number.isNaN(model.ru.trie.score('столб')));
  assert.equal(split('столбуря'), 'стол|буря');
});

test('the split is the best under the model, where greedy longest match is not', () => {
  const tiny = createWordModel({ ru: [['стол', 500], ['столб', 450], ['буря', 450], ['уря', 200]], en: [] });
  const pieces = segmentCoupling('столбуря', tiny).map((p) => p.text);
  assert.deepEqual(pieces, ['стол', 'буря']);
});

test('inflected forms split too; text keeps the input spelling (case, ё, stress, look-alikes)', () => {
  assert.equal(split('пепламолнии'), 'пепла|молнии');
  assert.equal(split('ПепелВспышка'), 'Пепел|Вспышка');
  assert.equal(split('ёлкатишина'), 'ёлка|тишина');
  assert.equal(split('пе\u0301пелвспышка'), 'пе\u0301пел|вспышка');
  assert.equal(split('пeпелвспышка'), 'пeпел|вспышка');
});

test('unknown words stay whole and are marked unknown', () => {
  const pieces = segmentCoupling('щщщыыыъъъ', model);
  assert.equal(pieces.length, 1);
  assert.equal(pieces[0].known, false);
  assert.deepEqual(segmentCoupling('Δ', model).map((p) => [p.text, p.known]), [['Δ', false]]);
});

/** Deterministic glue of dictionary words of about `n` characters. */
function glued(n: number): string {
  const words = ['пепел', 'вспышка', 'жизнь', 'тишина', 'вход', 'жар', 'страх', 'шаг', 'внутрь', 'туман', 'тело'];
  let s = '';
  for (let i = 0; s.length < n; i++) s += words[(i * 7 + 3) % words.length];
  return s.slice(0, n);
}

test('work is linear in the input length (counted in steps, not time)', () => {
  const steps = (text: string): number => {
    const stats: SegmentStats = { steps: 0 };
    bestSplit(text, model.ru, model.params, stats);
    return stats.steps;
  };
  const sizes = [1000, 2000, 4000, 8000, 16000];
  const counts = sizes.map((n) => steps(glued(n)));
  sizes.forEach((n, i) => assert.ok(counts[i] <= n * (model.ru.maxWordLength + 1), `bound at ${n}: ${counts[i]}`));
  for (let i = 1; i < sizes.length; i++) {
    const ratio = counts[i] / counts[i - 1];
    assert.ok(ratio > 1.9 && ratio < 2.1, `doubling ${sizes[i - 1]} → ${sizes[i]} multiplied steps by ${ratio}`);
  }
  // Worst cases: one letter repeated, and no word at all.
  for (const text of ['а'.repeat(20000), 'ъ'.repeat(20000)]) assert.ok(steps(text) <= 20000 * (model.ru.maxWordLength + 1));
});
