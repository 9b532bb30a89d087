import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compressScene } from '../../../services/core/scene/index.js';
import { loadSceneDeps } from '../../../services/data/lexicon.js';
import { HyperBridgeError } from '../../../services/lib/errors.js';
import { mulberry32 } from '../../../services/core/random.js';

const deps = await loadSceneDeps();

/** Pieces of text that tend to break tokenisers: joiners, modifiers, combining marks, surrogates, controls. */
const PARTS = [
  'пепел', 'ember', 'Ё', 'е\u0301', '\u0301', '\u200D', '\uFE0F', '\u20E3', '🏽', '🇷', '🇺', '👩‍💻', '🜂', 'Δ', 'SCN-42',
  ' ', '\n', '\t', '\r\n', '-', "'", '’', '…', '1', '٣', '中文', 'ß', 'ﬁ', 'İ', '\u0000', '\u202E', 'ש', '\uD800', '\uDC00', '',
];

test('any string yields a scene or a HyperBridgeError, never a crash', () => {
  const random = mulberry32(7);
  for (let i = 0; i < 3000; i++) {
    let text = '';
    const n = 1 + Math.floor(random() * 8);
    for (let k = 0; k < n; k++) {
      text += random() < 0.8 ? PARTS[Math.floor(random() * PARTS.length)] : String.fromCodePoint(Math.floor(random() * 0x2ffff));
    }
    try {
      const scene = compressScene({ id: `f${i}`, text }, deps, { maxTextBytes: 256 });
      assert.ok(scene.components.length > 0, JSON.stringify(text));
      for (const c of scene.components) assert.ok(text.includes(c.text) && c.text.length > 0, JSON.stringify([text, c.text]));
    } catch (err) {
      assert.ok(err instanceof HyperBridgeError, `${JSON.stringify(text)}: ${String(err)}`);
    }
  }
});
