import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cosine, createStaticEmbedder, parseStaticModel, textPieces } from '../../../services/core/embed/index.js';
import type { Component } from '../../../services/core/types.js';
import { HyperBridgeError } from '../../../services/lib/errors.js';
import { artifactBytes } from './artifact-bytes.js';

const model = parseStaticModel(
  artifactBytes(
    { еж: [1, 0, 0, 0], огонь: [0, 1, 0, 0], fire: [0.1, 0.9, 0, 0], '👍': [0, 0, 1, 0], '❤': [0, 0, 0.7, 0.7], и: [0, 0, 0, 1], жар: [0, 0.7, 0.7, 0] },
    { zipf: { и: 7.5, огонь: 4.5 } },
  ),
);
const embedder = createStaticEmbedder(model);
const word = (lemma: string, concept: string | null = null): Component => ({ text: lemma, lemma, kind: 'word', concept, phase: null });
const norm = (v: Float32Array) => Math.hypot(...v);

test('look-ups fold ё to е, ignore case and strip emoji skin tones and presentation selectors', () => {
  assert.deepEqual(embedder.lemmaVector('Ёж'), embedder.lemmaVector('еж'));
  assert.deepEqual(embedder.lemmaVector('👍🏽'), embedder.lemmaVector('👍'));
  assert.deepEqual(embedder.lemmaVector('❤️'), embedder.lemmaVector('❤'));
  assert.equal(embedder.lemmaVector('неизвестное'), null);
  assert.deepEqual(embedder.lemmaVector('fires'), embedder.lemmaVector('fire'));
  assert.equal(embedder.lemmaVector('ss'), null);
  assert.ok(Math.abs(norm(embedder.lemmaVector('fire')!) - 1) < 1e-5);
});

test('each look-up returns a vector of its own, even where many share one pooled block', () => {
  const looked = Array.from({ length: 200 }, (_, i) => embedder.lemmaVector(i % 2 ? 'огонь' : 'fire')!);
  looked[0]!.fill(0);
  assert.deepEqual(looked[2], embedder.lemmaVector('fire'), 'writing one vector changed another');
  // bytes read through the view's offset are the vector's own (the store codec reads vectors this way)
  const v = looked[101]!;
  assert.deepEqual(new Float32Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength)), embedder.lemmaVector('огонь'));
});

test('a text vector is the unit-length, inverse-frequency weighted mean of its components', async () => {
  const v = await embedder.embed({ text: 'огонь и еж', components: [word('огонь'), word('и'), word('еж')] });
  assert.ok(Math.abs(norm(v) - 1) < 1e-5);
  // the frequent conjunction weighs far less than the rare words
  assert.ok(v[3]! < 0.1 && v[0]! > 0.5 && v[1]! > 0.5, `got ${Array.from(v)}`);
});

test('markers do not count, and a concept anchors its lemma', async () => {
  const marker: Component = { text: '🜂', lemma: '🜂', kind: 'marker', concept: null, phase: null };
  const withMarker = await embedder.embed({ text: 'огонь 🜂', components: [word('огонь'), marker] });
  assert.deepEqual(withMarker, embedder.lemmaVector('огонь'));
  const unknownLemma = await embedder.embed({ text: 'огнище', components: [word('огнище', 'огонь')] });
  assert.deepEqual(unknownLemma, embedder.lemmaVector('огонь'));
});

test('without components it embeds the words and emoji of the text', async () => {
  assert.deepEqual(textPieces('Огонь, 👍🏽 и ❤️!').map((p) => p.lemma), ['Огонь', '👍🏽', 'и', '❤️']);
  const lemmatizer = { lemmatize: (w: string) => (w === 'огня' ? 'огонь' : w) };
  const v = await createStaticEmbedder(model, lemmatizer).embed({ text: 'огня', components: [] });
  assert.deepEqual(v, embedder.lemmaVector('огонь'));
  const [a, b] = await embedder.embedBatch([{ text: 'огонь жар', components: [] }, { text: 'еж', components: [] }]);
  assert.ok(cosine(a!, embedder.lemmaVector('жар')!) > cosine(b!, embedder.lemmaVector('жар')!));
});

test('unknown words get a stable direction of their own', async () => {
  const wide = createStaticEmbedder(parseStaticModel(artifactBytes({ огонь: Array.from({ length: 256 }, (_, d) => (d === 0 ? 1 : 0)) })));
  const a = await wide.embed({ text: 'Зорро', components: [] });
  const b = await wide.embed({ text: 'зорро', components: [] });
  const c = await wide.embed({ text: 'бэтмен', components: [] });
  assert.deepEqual(a, b);
  assert.ok(Math.abs(norm(a) - 1) < 1e-5);
  assert.ok(Math.abs(cosine(a, c)) < 0.3, `cosine ${cosine(a, c)}`);
});

test('input with nothing to embed is refused with a registered error', async () => {
  await assert.rejects(embedder.embed({ text: '!!! 123', components: [] }), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_NO_CONTENT');
  await assert.rejects(embedder.embed({ text: 5 } as never), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_BAD_MESSAGE');
});
