import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRenderHandler } from '../../services/render/handler.js';
import { DEFAULT_RENDER_REQUEST, type SceneEvent } from '../../services/core/events.js';
import type { Tension } from '../../services/core/types.js';
import { HyperBridgeError } from '../../services/lib/errors.js';
import { fixtureDeps, sceneOf } from '../core/render/fixtures.js';

const bodily: Tension = { type: 'bodily', scores: { bodily: 0.7, logical: 0.1, archetypal: 0.2 }, arc: ['awakening', 'action', 'return'] };

function event(labels: string[], request = DEFAULT_RENDER_REQUEST, conversationId = 'c1'): SceneEvent {
  return {
    message: { id: `m-${labels.join('')}`, conversationId, speaker: null, text: labels.join(''), runId: null, seq: 0, request },
    scene: { ...sceneOf(labels), tension: bodily },
    renderings: [],
    status: 'complete',
    pending: [],
  };
}

test('one rendering per requested style, verdicts pending', async () => {
  const handler = createRenderHandler(await fixtureDeps());
  const out = await handler.process(event(['молния', 'жар', 'дыхание'], { ...DEFAULT_RENDER_REQUEST, styles: ['poem', 'emoji', 'auto'] }));
  assert.deepEqual(out.renderings.map((r) => r.style), ['poem', 'emoji', 'poem']);
  assert.ok(out.renderings.every((r) => r.verdict === null && r.resonance === null && r.markerOk === null));
  assert.deepEqual([out.status, out.pending], ['pending', ['renderings.verdict']]);
  assert.equal(out.renderings[2]!.why, 'style.tension.bodily; persona.tension.bodily');
});

test('the conversation is the context of auto: a repeated scene is answered with silence', async () => {
  const handler = createRenderHandler(await fixtureDeps());
  await handler.process(event(['молния', 'жар', 'дыхание']));
  const again = await handler.process(event(['молния', 'жар', 'дыхание']));
  assert.equal(again.renderings[0]!.style, 'silence');
  assert.match(again.renderings[0]!.why, /^style\.context\.repeat/u);
  const other = await handler.process(event(['молния', 'жар', 'дыхание'], DEFAULT_RENDER_REQUEST, 'c2'));
  assert.equal(other.renderings[0]!.style, 'poem', 'another conversation has its own context');
});

test('an event without a scene is refused with a registry error', async () => {
  const handler = createRenderHandler(await fixtureDeps());
  await assert.rejects(handler.process({ ...event(['жар']), scene: undefined as never }), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_PENDING_STAGE');
  await assert.rejects(handler.process(event(['жар'], { ...DEFAULT_RENDER_REQUEST, styles: ['silence'], marker: 'none' })), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_USAGE');
});
