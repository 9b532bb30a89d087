import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WordTrie } from '../../../services/core/segment/index.js';

test('the trie finds every word and only words, from entries or from TSV bytes', () => {
  const entries = [['стол', -5], ['столб', -6], ['буря', -7], ['а', -2], ['ab', -3]] as const;
  const tsv = new TextEncoder().encode(entries.map(([w, s]) => `${w}\t${s}\n`).join(''));
  for (const trie of [WordTrie.fromEntries(entries), WordTrie.fromTsv(tsv, (v) => v)]) {
    for (const [w, s] of entries) assert.ok(Math.abs(trie.score(w) - s) < 1e-6, w);
    for (const w of ['сто', 'столбы', 'бур', 'b', '']) assert.ok(Number.isNaN(trie.score(w)), w);
    assert.equal(trie.maxWordLength, 5);
  }
});

test('the optional third column flags a word (a lemma in data/wordfreq)', () => {
  const tsv = new TextEncoder().encode('стол\t500\t1\nстолы\t450\nбуря\t400\t1\n');
  const trie = WordTrie.fromTsv(tsv, (v, flagged) => v + (flagged ? 1000 : 0));
  assert.equal(trie.score('стол'), 1500);
  assert.equal(trie.score('столы'), 450);
  assert.equal(trie.score('буря'), 1400);
});
