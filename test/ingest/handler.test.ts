import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createIngestHandler } from '../../services/ingest/handler.js';
import { loadSceneDeps } from '../../services/data/lexicon.js';
import { DEFAULT_RENDER_REQUEST, type DialogueMessage } from '../../services/core/events.js';
import { HyperBridgeError } from '../../services/lib/errors.js';

const handler = createIngestHandler({ scene: await loadSceneDeps(), maxTextBytes: 65536 });
const message = (text: string): DialogueMessage => ({
  id: 'm-1', conversationId: 'c-1', speaker: null, text, runId: null, seq: 0, request: DEFAULT_RENDER_REQUEST,
});

test('a message becomes a pending scene event', async () => {
  const event = await handler.process(message('входжарстрах'));
  assert.equal(handler.stage, 'ingest');
  assert.equal(event.scene.key, 'вход·жар·страх');
  assert.equal(event.scene.tension, null);
  assert.equal(event.status, 'pending');
  assert.deepEqual(event.pending, ['scene.tension', 'renderings']);
  assert.deepEqual(event.renderings, []);
  assert.equal(event.message.id, 'm-1');
});

test('bad input rejects with a HyperBridgeError of the ingest stage', async () => {
  await assert.rejects(handler.process(message('   ')), (err: unknown) => err instanceof HyperBridgeError && err.code === 'HB_ERR_EMPTY_INPUT' && err.stage === 'ingest');
  await assert.rejects(handler.process({ ...message('x'), text: 42 as unknown as string }), (err: unknown) => err instanceof HyperBridgeError && err.code === 'HB_ERR_BAD_MESSAGE');
});
