import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupComponents } from '../../../services/core/decode/index.js';
import type { Component } from '../../../services/core/types.js';
import { fixtureDeps } from '../render/fixtures.js';

const word = (text: string): Component => ({ text, lemma: text, kind: 'word', concept: null, phase: null });

test('a rendering is looked up by the scene its words decode to, without its frame words', async () => {
  const deps = await fixtureDeps();
  const text = 'Зола остыла, и пришло безмолвие.';
  const compressed = ['зола', 'остыть', 'прийти', 'безмолвие'].map(word);
  // пришло is a frame word (templates use прийти); остыла is not, so it stays as a free component.
  assert.deepEqual(lookupComponents(text, deps, compressed).map((c) => c.concept ?? c.lemma), ['пепел', 'остылый', 'тишина']);
});

test('a text that names no concept is looked up by its own compressed scene', async () => {
  const deps = await fixtureDeps();
  const compressed = [word('и'), word('но')];
  assert.equal(lookupComponents('и но или', deps, compressed), compressed);
});
