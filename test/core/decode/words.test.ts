import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenise } from '../../../services/core/decode/index.js';

const tokens = (text: string) => tokenise(text).map((t) => `${t.kind}:${t.lang}:${t.text}`);

test('words and emoji are read on grapheme boundaries, apostrophes and hyphens trimmed at word ends', () => {
  assert.deepEqual(tokens("Пепел помнит огонь 🔥, and 'the' ash-tree — © 2024!"), [
    'word:ru:Пепел', 'word:ru:помнит', 'word:ru:огонь', 'emoji:ru:🔥', 'word:en:and', 'word:en:the', 'word:en:ash-tree', 'emoji:ru:©',
  ]);
  assert.deepEqual(tokens('don’t -stop- Hello\r\nмир'), ['word:en:don’t', 'word:en:stop', 'word:en:Hello', 'word:ru:мир']);
});

test('clusters stay whole: stress marks in words, ZWJ sequences, flags and presentation selectors as one emoji', () => {
  assert.deepEqual(tokens('за\u0301мок 👩‍👩‍👧 🇷🇺 ke\u0301y ☺️ x'), ['word:ru:за\u0301мок', 'emoji:ru:👩‍👩‍👧', 'emoji:ru:🇷🇺', 'word:en:ke\u0301y', 'emoji:ru:☺️', 'word:en:x']);
  // A symbol read once is still a symbol the next time (single code units are classified once).
  assert.deepEqual(tokens('° C ° ҂'), ['emoji:ru:°', 'word:en:C', 'emoji:ru:°', 'emoji:ru:҂']);
});
