import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchConcepts } from '../../../services/core/decode/index.js';
import { frameTexts } from '../../../services/core/render/index.js';
import { fixtureDeps } from './fixtures.js';

test('the words around the concepts never decode as a concept themselves', async () => {
  const deps = await fixtureDeps();
  for (const lang of ['ru', 'en'] as const) {
    const offenders = frameTexts(deps.books[lang]).flatMap((f) => matchConcepts(f, deps).map((m) => `${m.text} (${f.trim()})`));
    assert.deepEqual(offenders, [], lang);
  }
});
