import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderScene, type RenderOptions } from '../../../services/core/render/index.js';
import { kendallTau, recallPrecision, verifyRendering, verifyWithRerender } from '../../../services/core/verify/index.js';
import { PERSONAS, STYLES } from '../../../services/core/types.js';
import { fixtureDeps, sceneOf } from './fixtures.js';

const ASH = ['пепел', 'вспышка', 'жизнь', 'тишина'];

test('kendall τ and recall/precision', () => {
  assert.equal(kendallTau(['a', 'b', 'c'], ['a', 'b', 'c']), 1);
  assert.equal(kendallTau(['a', 'b', 'c'], ['c', 'b', 'a']), -1);
  assert.deepEqual(recallPrecision(['a', 'b'], ['a', 'x']), { recall: 0.5, precision: 0.5 });
});

test('renderings of every style and voice come back lossless, with the marker reported apart', async () => {
  const deps = await fixtureDeps();
  for (const style of STYLES) {
    for (const persona of PERSONAS) {
      const options: RenderOptions = { style, persona, lang: null, marker: 'visible', variant: 0 };
      const r = renderScene(sceneOf(ASH), options, deps);
      const v = verifyRendering(sceneOf(ASH), r, deps);
      assert.equal(v.verdict, 'lossless', `${style}/${persona}: ${r.text}`);
      assert.equal(v.markerOk, true);
    }
  }
});

test('a rendering that lost its concepts has drifted; a wrong marker is not ok', async () => {
  const deps = await fixtureDeps();
  const r = renderScene(sceneOf(ASH), { style: 'narrative', persona: 'poet', lang: null, marker: 'visible', variant: 0 }, deps);
  const lost = { ...r, text: 'Ничего не случилось. Δ SCN-1 ⟨страх⟩', marker: 'Δ SCN-1 ⟨страх⟩' };
  const v = verifyRendering(sceneOf(ASH), lost, deps);
  assert.equal(v.verdict, 'drifted');
  assert.equal(v.markerOk, false);
  assert.equal(v.recall, 0);
});

test('a drifted rendering is re-rendered with the next variants', async () => {
  const deps = await fixtureDeps();
  const r = renderScene(sceneOf(ASH), { style: 'narrative', persona: 'poet', lang: null, marker: 'none', variant: 0 }, deps);
  const out = verifyWithRerender(sceneOf(ASH), { ...r, text: 'Ничего не случилось.' }, deps, 2);
  assert.equal(out.attempts, 2);
  assert.equal(out.rendering.verdict, 'lossless');
  assert.equal(verifyWithRerender(sceneOf(ASH), { ...r, text: 'Ничего.' }, deps, 0).rendering.verdict, 'drifted');
});
