import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchForm, normalizeText, tokenize, detectLang } from '../../../services/core/text/index.js';

const letters = (s: string) => tokenize(s).filter((t) => t.kind === 'letters').map((t) => ({ text: t.text, form: t.form, script: t.script }));

test('matching form: lower case, ё → е, stress marks removed, NFC', () => {
  assert.equal(matchForm('Ёлка', 'cyrillic'), 'елка');
  assert.equal(matchForm('пе\u0301пел', 'cyrillic'), 'пепел');
  assert.equal(matchForm('е\u0308ж', 'cyrillic'), 'еж'); // decomposed ё
  assert.equal(normalizeText('пе\u0301пел'), 'пепел');
});

test('Latin look-alikes inside a Cyrillic word become Cyrillic, and the reverse; text stays as typed', () => {
  assert.deepEqual(letters('пeпел'), [{ text: 'пeпел', form: 'пепел', script: 'cyrillic' }]);
  assert.deepEqual(letters('ТИШИНA'), [{ text: 'ТИШИНA', form: 'тишина', script: 'cyrillic' }]);
  assert.deepEqual(letters('mеmоry'), [{ text: 'mеmоry', form: 'memory', script: 'latin' }]);
});

test('a real change of script starts a new word', () => {
  assert.deepEqual(letters('emberпепел').map((t) => [t.text, t.script]), [['ember', 'latin'], ['пепел', 'cyrillic']]);
});

test('stress marks keep offsets into the input', () => {
  const [token] = tokenize('пе\u0301пел');
  assert.equal(token.text, 'пе\u0301пел');
  assert.equal(token.form, 'пепел');
  assert.deepEqual(token.offsets, [0, 1, 3, 4, 5, 6]);
});

test('language from the scripts of the words', () => {
  assert.equal(detectLang(['cyrillic', 'cyrillic']), 'ru');
  assert.equal(detectLang(['latin']), 'en');
  assert.equal(detectLang(['latin', 'cyrillic']), 'mixed');
  assert.equal(detectLang([]), 'mixed');
});
