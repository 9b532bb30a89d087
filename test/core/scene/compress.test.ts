import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compressScene, sceneIdOf, conceptKey } from '../../../services/core/scene/index.js';
import { loadSceneDeps } from '../../../services/data/lexicon.js';
import { HyperBridgeError } from '../../../services/lib/errors.js';
import type { SegmentStats } from '../../../services/core/segment/index.js';

const deps = await loadSceneDeps();
const scene = (text: string, id = 'm1') => compressScene({ id, text }, deps, { maxTextBytes: 65536 });
const texts = (text: string): string => scene(text).components.map((c) => c.text).join('|');

/** The seed's own examples (shared/seed/examples.tsv): input, expected components. */
const SEED: ReadonlyArray<[string, string]> = [
  ['пепелвспышкажизньтишина', 'пепел|вспышка|жизнь|тишина'],
  ['входжарстрах', 'вход|жар|страх'],
  ['тишинажаршагвнутрь', 'тишина|жар|шаг|внутрь'],
  ['жартишинавход', 'жар|тишина|вход'],
  ['⚡🜂🫁', '⚡|🜂|🫁'],
  ['🪶⚡🌱🤫', '🪶|⚡|🌱|🤫'],
];

test('the seed examples', () => {
  for (const [input, expected] of SEED) assert.equal(texts(input), expected, input);
  const coupling = scene('пепелвспышкажизньтишина');
  assert.equal(coupling.key, 'пепел·вспышка·жизнь·тишина');
  assert.equal(coupling.mnemonic, 'пепелвспышкажизньтишина');
  assert.equal(coupling.lang, 'ru');
  assert.equal(coupling.tension, null);
  // The emoji form of the same scene has the same concepts.
  assert.equal(scene('🪶⚡🌱🤫').key, coupling.key);
  const fire = scene('⚡🜂🫁');
  assert.deepEqual(fire.components.map((c) => [c.kind, c.lemma, c.concept]), [['emoji', '⚡', 'вспышка'], ['emoji', '🜂', 'огонь'], ['emoji', '🫁', 'дыхание']]);
  assert.equal(fire.mnemonic, '⚡🜂🫁');
});

test('a free phrase: content words with lemmas and concepts, function words dropped', () => {
  const s = scene('Двигайся внутрь, пока тишина не станет теплом.');
  assert.deepEqual(s.components.map((c) => c.lemma), ['двигаться', 'внутрь', 'тишина', 'стать', 'тепло']);
  assert.deepEqual(s.components.map((c) => c.text), ['Двигайся', 'внутрь', 'тишина', 'станет', 'теплом']);
  assert.equal(s.components[4].concept, 'жар');
  assert.ok(s.components.every((c) => c.kind === 'word' && c.phase === null));
  const breath = scene('Вдох, как молния в тумане тела');
  assert.deepEqual(breath.components.map((c) => c.lemma), ['вдох', 'молния', 'туман', 'тело']);
  assert.deepEqual(breath.components.map((c) => c.concept), ['дыхание', 'вспышка', 'туман', 'тело']);
});

test('function words cut from a glued coupling stay (the coupling comes back whole); a phrase drops them', () => {
  assert.equal(texts('которыйденежный'), 'который|денежный');
  assert.equal(texts('который денежный'), 'денежный');
  assert.equal(texts("don't stop"), 'stop');
});

test('a word the morphology knows is never cut, however rare', () => {
  assert.equal(texts('человеконенавистничество'), 'человеконенавистничество');
});

test('English, mixed and emoji-only scenes; concept labels follow the scene language', () => {
  const en = scene('emberwindmemory');
  assert.equal(en.lang, 'en');
  assert.equal(en.key, 'ember·wind·memory');
  assert.equal(scene('The lightning of memories').key, 'flash·memory');
  const mixed = scene('fire и тишина');
  assert.equal(mixed.lang, 'mixed');
  assert.deepEqual(mixed.components.map((c) => c.concept), ['огонь', 'тишина']);
  assert.equal(scene('🔥').lang, 'mixed');
  assert.equal(scene('🔥').components[0].concept, 'огонь');
  assert.equal(scene('холод❄️дыхание').key, 'холод·снег·дыхание');
});

test('Δ, 🜂 and SCN-42 outside a marker trailer are ordinary input', () => {
  const s = scene('Δ 🜂 SCN-42');
  assert.deepEqual(s.components.map((c) => [c.text, c.kind]), [['Δ', 'word'], ['🜂', 'emoji'], ['SCN', 'word']]);
  assert.equal(s.components[1].concept, 'fire');
});

test('unknown words are kept with themselves as lemma and no concept', () => {
  const s = scene('щщщыыыъъъ тишина');
  assert.deepEqual(s.components.map((c) => [c.text, c.lemma, c.concept]), [['щщщыыыъъъ', 'щщщыыыъъъ', null], ['тишина', 'тишина', 'тишина']]);
});

test('every emoji is one whole component', () => {
  const s = scene('👨‍👩‍👧‍👦👍🏿🇷🇺1️⃣❤️🏳️‍🌈');
  assert.deepEqual(s.components.map((c) => c.text), ['👨‍👩‍👧‍👦', '👍🏿', '🇷🇺', '1️⃣', '❤️', '🏳️‍🌈']);
  assert.ok(s.components.every((c) => c.kind === 'emoji' && c.concept !== null));
});

test('scene ids: stable, from message id and NFC text', () => {
  assert.match(sceneIdOf('m1', 'жар'), /^SCN-[A-Z2-7]{12}$/);
  assert.equal(scene('жар', 'a').sceneId, scene('жар', 'a').sceneId);
  assert.notEqual(scene('жар', 'a').sceneId, scene('жар', 'b').sceneId);
  assert.equal(sceneIdOf('a', 'е\u0308ж'), sceneIdOf('a', 'ёж'));
  assert.notEqual(sceneIdOf('a', 'bc'), sceneIdOf('ab', 'c'));
  assert.equal(conceptKey(scene('жар тишина').components), 'жар·тишина');
});

test('bad input: a clear HyperBridgeError, and the length check comes before segmentation', () => {
  const code = (text: string, maxTextBytes = 65536, stats?: SegmentStats): string => {
    try {
      compressScene({ id: 'x', text }, deps, { maxTextBytes, stats });
      return 'none';
    } catch (err) {
      assert.ok(err instanceof HyperBridgeError, String(err));
      assert.equal(err.stage, 'ingest');
      return err.code;
    }
  };
  assert.equal(code(''), 'HB_ERR_EMPTY_INPUT');
  assert.equal(code('   '), 'HB_ERR_EMPTY_INPUT');
  assert.equal(code('?!… —'), 'HB_ERR_NO_CONTENT');
  assert.equal(code('12 345'), 'HB_ERR_NO_CONTENT');
  assert.equal(code('жар\u0000'), 'HB_ERR_CONTROL_CHARS');
  assert.equal(code('שלום עולם'), 'HB_ERR_RTL_TEXT');
  const stats: SegmentStats = { steps: 0 };
  assert.equal(code('пепелвспышка'.repeat(10), 64, stats), 'HB_ERR_TEXT_TOO_LONG');
  assert.equal(stats.steps, 0);
  assert.equal(code('и в на'), 'none'); // only function words: kept rather than an empty scene
});
