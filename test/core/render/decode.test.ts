import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, decodeWithSignature } from '../../../services/core/decode/index.js';
import { placeMarker } from '../../../services/core/render/index.js';
import { fixtureDeps } from './fixtures.js';

const info = { sceneId: 'SCN-42', key: 'пепел·вспышка·жизнь·тишина', mnemonic: 'пепелвспышкажизньтишина' };

test('a marker gives the exact scene', async () => {
  const deps = await fixtureDeps();
  for (const mode of ['visible', 'invisible'] as const) {
    const d = decodeText(placeMarker('Что-то дрогнуло.', info, mode).text, deps);
    assert.deepEqual([d.sceneId, d.key, d.mnemonic, d.via, d.resonance, d.markerOk], ['SCN-42', info.key, info.mnemonic, 'marker', 1, true]);
    assert.deepEqual(d.components.map((c) => c.concept), ['пепел', 'вспышка', 'жизнь', 'тишина']);
  }
});

test('the seed phrase decodes by its words: тепло → жар, with тишина and внутрь, and двигаться as a free word', async () => {
  const deps = await fixtureDeps();
  const d = decodeText('Двигайся внутрь, пока тишина не станет теплом.', deps);
  assert.equal(d.via, 'lexicon');
  assert.equal(d.markerOk, false);
  // станет is a frame word (templates use стать), двигаться is not: it can only have come from the scene.
  assert.deepEqual(d.components.map((c) => [c.concept, c.lemma]), [[null, 'двигаться'], ['внутрь', 'внутрь'], ['тишина', 'тишина'], ['жар', 'тепло']]);
  assert.equal(d.resonance, 1, 'free words do not weigh in how surely the words name concepts');
});

test('images of the phrase books and emoji decode to their concepts, in reading order', async () => {
  const deps = await fixtureDeps();
  const concepts = (text: string) => decodeText(text, deps).components.flatMap((c) => (c.concept ? [c.concept] : []));
  assert.deepEqual(concepts('Зола остыла, и пришло безмолвие.'), ['пепел', 'тишина']);
  assert.equal(decodeText('🪶⚡🌱🤫', deps).key, 'пепел·вспышка·жизнь·тишина');
  assert.equal(decodeText('The cinder cooled; then the hush.', deps).key, 'ash·silence');
});

test('words that name no concept and that no template uses come back as free components; frame words do not', async () => {
  const deps = await fixtureDeps();
  // A poem of free words as the renderer writes it: «Только бы», «Хочется», «Всё тянет» are its frames.
  const d = decodeText('Только бы бояться. Хочется войти. Всё тянет слишком.', deps);
  assert.deepEqual(d.components.map((c) => [c.concept, c.lemma]), [[null, 'бояться'], [null, 'войти'], [null, 'слишком']]);
  assert.deepEqual([d.key, d.resonance], ['бояться·войти·слишком', 0]);
  // tide and follow are words of the English templates: they may be frame, so they are not taken.
  assert.equal(decodeText('The tide is growing. And again the need to follow.', deps).components.length, 0);
  // Without the phrase books every word may be frame: none is taken.
  assert.equal(decodeText('Только бы бояться.', { ...deps, books: undefined }).components.length, 0);
});

test('a text with no concept decodes to an empty scene with resonance 0', async () => {
  const deps = await fixtureDeps();
  const d = decodeText('и но или', deps);
  assert.deepEqual([d.key, d.resonance, d.components.length], ['', 0, 0]);
});

test('the signature store answers when the words do not', async () => {
  const deps = await fixtureDeps();
  const store = {
    threshold: 0.75,
    embed: async () => new Float32Array([1, 0]),
    lookup: async () => [{ sceneId: 'SCN-9', mnemonic: 'жартишинавход', key: 'жар·тишина·вход', similarity: 0.9 }],
  };
  const d = await decodeWithSignature('совсем другие слова', deps, store);
  assert.deepEqual([d.via, d.sceneId, d.key, d.resonance], ['signature', 'SCN-9', 'жар·тишина·вход', 0.9]);
  const direct = await decodeWithSignature('Зола и безмолвие.', deps, store);
  assert.equal(direct.via, 'lexicon');
});

test('a word neither lexicon knows is matched by meaning above the threshold, and only then', async () => {
  const base = await fixtureDeps();
  const table: Record<string, number[]> = { жар: [1, 0, 0], heat: [1, 0, 0], тишина: [0, 1, 0], silence: [0, 1, 0], теплынь: [0.95, 0.31, 0], сумятица: [0.5, 0.5, 0.707] };
  const vectors = { modelId: 'test', dim: 3, lemmaVector: (w: string) => (table[w] ? Float32Array.from(table[w]!) : null) };
  const deps = { ...base, vectors, meaningThreshold: 0.8 };
  const d = decodeText('Теплынь.', deps);
  assert.deepEqual([d.key, d.via], ['жар', 'meaning']);
  assert.ok(d.resonance > 0.9 && d.resonance < 1);
  const below = decodeText('Сумятица.', deps);
  assert.deepEqual([below.components[0]?.concept, below.resonance], [null, 0], 'a cosine below the threshold is no match: a free word');
});
