import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRenderHandler } from '../../services/render/handler.js';
import { createVerifyHandler } from '../../services/verify/handler.js';
import { DEFAULT_RENDER_REQUEST, type SceneEvent } from '../../services/core/events.js';
import type { Verdict } from '../../services/core/types.js';
import { HyperBridgeError } from '../../services/lib/errors.js';
import { fixtureDeps, sceneOf } from '../core/render/fixtures.js';

const config = { HB_RESONANCE_LOSSLESS: 1, HB_RESONANCE_MIN: 0.8, HB_MAX_RERENDERS: 2 };

function event(marker: 'visible' | 'none'): SceneEvent {
  return {
    message: { id: 'm1', conversationId: 'c1', speaker: null, text: 'пепелвспышкажизньтишина', runId: null, seq: 0, request: { ...DEFAULT_RENDER_REQUEST, styles: ['narrative', 'formula', 'emoji'], marker } },
    scene: sceneOf(['пепел', 'вспышка', 'жизнь', 'тишина']),
    renderings: [],
    status: 'complete',
    pending: [],
  };
}

test('render then verify: verdicts filled, status complete, verdicts counted', async () => {
  const deps = await fixtureDeps();
  const counted: Verdict[] = [];
  const verify = createVerifyHandler({ ...deps, config, onVerdict: (v) => counted.push(v) });
  const rendered = await createRenderHandler(deps).process(event('visible'));
  const out = await verify.process(rendered);
  assert.deepEqual([out.status, out.pending], ['complete', []]);
  assert.deepEqual(out.renderings.map((r) => r.verdict), ['lossless', 'lossless', 'lossless']);
  assert.ok(out.renderings.every((r) => r.markerOk === true && r.resonance === 1));
  assert.deepEqual(counted, ['lossless', 'lossless', 'lossless']);
});

test('without a marker, markerOk is null and the verdict still comes from the words', async () => {
  const deps = await fixtureDeps();
  const out = await createVerifyHandler({ ...deps, config }).process(await createRenderHandler(deps).process(event('none')));
  assert.ok(out.renderings.every((r) => r.markerOk === null && r.verdict !== null));
});

test('a drifted rendering is re-rendered before it is published', async () => {
  const deps = await fixtureDeps();
  const rendered = await createRenderHandler(deps).process(event('none'));
  const broken = { ...rendered, renderings: [{ ...rendered.renderings[0]!, text: 'Ничего не случилось.' }] };
  const attempts: number[] = [];
  const out = await createVerifyHandler({ ...deps, config, onVerdict: (_v, _r, n) => attempts.push(n) }).process(broken);
  assert.equal(out.renderings[0]!.verdict, 'lossless');
  assert.notEqual(out.renderings[0]!.text, 'Ничего не случилось.');
  assert.deepEqual(attempts, [2]);
});

test('an event that was never rendered is refused', async () => {
  const deps = await fixtureDeps();
  await assert.rejects(createVerifyHandler({ ...deps, config }).process(event('visible')), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_PENDING_STAGE');
});
