import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLexicon, type Concept } from '../../../services/core/lexicon/index.js';
import { loadLexicon } from '../../../services/data/lexicon.js';

const concept = (id: string, ru: string, en: string, extra: Partial<Concept> = {}): Concept => ({
  id, ru, en, synonyms: { ru: [], en: [] }, emoji: [], tags: [], source: 'core', ...extra,
});

test('indexes by id, lemma, synonym and emoji; the first concept keeps a shared key', () => {
  const lexicon = createLexicon([
    concept('heat', 'жар', 'heat', { synonyms: { ru: ['тепло'], en: ['warmth'] }, emoji: ['♨️'] }),
    concept('warm', 'тепло', 'warm'),
  ]);
  assert.equal(lexicon.get('heat')?.ru, 'жар');
  assert.equal(lexicon.byLemma('ТЕПЛО', 'ru')?.id, 'heat');
  assert.equal(lexicon.byLemma('warmth')?.id, 'heat');
  assert.equal(lexicon.byLemma('warmth', 'ru'), null);
  assert.equal(lexicon.byEmoji('♨'), lexicon.get('heat'));
  assert.equal(lexicon.label('heat', 'en'), 'heat');
  assert.equal(lexicon.label('nope', 'ru'), 'nope');
});

test('the shipped lexicon: seed concepts, decisions, sources', () => {
  const lexicon = loadLexicon();
  for (const ru of ['пепел', 'вспышка', 'жизнь', 'тишина', 'вход', 'жар', 'страх', 'шаг', 'внутрь', 'туман', 'тело', 'дыхание', 'огонь', 'поле', 'резонанс', 'порог', 'аксиома', 'доказательство', 'теорема', 'логика']) {
    assert.ok(lexicon.byLemma(ru, 'ru'), ru);
  }
  assert.equal(lexicon.byLemma('тепло', 'ru')?.id, 'heat');
  assert.equal(lexicon.byLemma('молния', 'ru')?.id, 'flash');
  assert.equal(lexicon.byLemma('ёлка', 'ru'), null);
  assert.equal(lexicon.byLemma('елка', 'ru'), null);
  assert.equal(lexicon.byEmoji('🤫')?.id, 'silence');
  assert.equal(lexicon.byEmoji('🜂')?.id, 'fire');
  assert.equal(lexicon.byEmoji('🔥')?.id, 'fire');
  assert.equal(lexicon.byEmoji('🪶')?.id, 'ash');
  assert.equal(lexicon.byEmoji('⚡')?.id, 'flash');
  assert.equal(lexicon.byEmoji('🫁')?.id, 'breath');
  assert.equal(lexicon.byEmoji('👍🏽')?.en, 'thumbs up');
  assert.equal(lexicon.byEmoji('🫱🏻‍🫲🏼')?.en, 'handshake');
  const ids = new Set<string>();
  for (const c of lexicon.concepts) {
    assert.match(c.id, /^[a-z0-9][a-z0-9-]*$/, c.id);
    assert.ok(!ids.has(c.id), `duplicate id ${c.id}`);
    ids.add(c.id);
    assert.ok(c.source === 'core' || c.source === 'cldr', c.id);
  }
  assert.ok(lexicon.concepts.filter((c) => c.source === 'core').length >= 250);
});
