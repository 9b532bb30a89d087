import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graphemes, isEmoji, emojiKey, tokenize } from '../../../services/core/text/index.js';

const texts = (s: string): string[] => graphemes(s).map((g) => g.text);

test('grapheme clusters keep ZWJ sequences, skin tones, flags, keycaps, tags and variation selectors whole', () => {
  const cases = ['👨‍👩‍👧‍👦', '👩🏽‍💻', '👍🏿', '🇷🇺', '🇺🇦', '1️⃣', '#️⃣', '❤️', '☺️', '🏳️‍🌈', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🫱🏻‍🫲🏼', '🧑‍🤝‍🧑', '🚶‍➡️'];
  for (const e of cases) assert.deepEqual(texts(e), [e], e);
  assert.deepEqual(texts('a👩🏽‍💻b🇷🇺'), ['a', '👩🏽‍💻', 'b', '🇷🇺']);
});

test('the fast path for simple text agrees with Intl.Segmenter', () => {
  const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
  for (const s of ['пепелвспышка', 'ember wind, memory!', 'Ёлка — «ёж»', 'Δ SCN-42', 'e\u0301', 'a\r\nb']) {
    assert.deepEqual(texts(s), [...segmenter.segment(s)].map((x) => x.segment), s);
  }
});

test('emoji detection: RGI emoji, keycaps, flags, unqualified pictographs; not letters or digits', () => {
  for (const e of ['🔥', '1️⃣', '🇷🇺', '☺', '❄️', '👩🏽‍💻']) assert.ok(isEmoji(e), e);
  for (const e of ['a', 'я', '1', '#', 'Δ', '.']) assert.ok(!isEmoji(e), e);
});

test('🜂 is an emoji only where the lexicon maps it (Unicode does not class it as one)', () => {
  assert.equal(isEmoji('🜂'), false);
  assert.equal(isEmoji('🜂', (g) => g === '🜂'), true);
  const tokens = tokenize('жар🜂жар', (g) => g === '🜂');
  assert.deepEqual(tokens.map((t) => [t.kind, t.text]), [['letters', 'жар'], ['emoji', '🜂'], ['letters', 'жар']]);
});

test('emojiKey drops variation selectors and skin tones', () => {
  assert.equal(emojiKey('👍🏽'), '👍');
  assert.equal(emojiKey('❤️'), '❤');
  assert.equal(emojiKey('👩🏽‍💻'), '👩‍💻');
});
