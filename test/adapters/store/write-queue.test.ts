import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteQueue } from '../../../services/adapters/store/index.js';
import { HyperBridgeError } from '../../../services/lib/errors.js';
import { createFakeClock } from './fake-clock.js';
import { scene } from './suite.js';
import { vectorSource } from './vectors.js';

const down = () => Object.assign(new Error('connect ECONNREFUSED'), { transient: true });

function harness(maxPending = 10) {
  const clock = createFakeClock();
  const landed: string[] = [];
  const attempts: number[] = [];
  let up = false;
  const queue = createWriteQueue({
    async write(entry) {
      attempts.push(clock.now());
      if (!up) throw down();
      landed.push(entry.sceneId);
    },
    isTransient: (e) => (e as { transient?: boolean }).transient === true,
    onDrop: () => assert.fail('nothing should be dropped'),
    clock,
    maxPending,
    baseDelayMs: 100,
    maxDelayMs: 1000,
  });
  return { clock, queue, landed, attempts, setUp: (v: boolean) => (up = v) };
}

describe('write queue', () => {
  const v = vectorSource(11).random();

  it('retries with exponential back-off capped at the maximum, then lands every write in order', async () => {
    const h = harness();
    h.queue.enqueue(scene('SCN-a', v));
    h.queue.enqueue(scene('SCN-b', v));
    await h.clock.advance(100 + 200 + 400 + 800 + 1000 + 1000);
    const start = 1_700_000_000_000;
    assert.deepEqual(h.attempts.map((t) => t - start), [100, 300, 700, 1500, 2500, 3500]);
    assert.equal(h.queue.size, 2);
    h.setUp(true);
    await h.clock.advance(1000);
    assert.deepEqual(h.landed, ['SCN-a', 'SCN-b']);
    assert.equal(h.queue.size, 0);
    assert.equal(h.queue.retries, 8);
    assert.equal(h.queue.queued, 2);
  });

  it('drains at once on wake (reconnect) without waiting for the back-off', async () => {
    const h = harness();
    h.queue.enqueue(scene('SCN-c', v));
    await h.clock.advance(100);
    h.setUp(true);
    h.queue.wake();
    for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
    assert.deepEqual(h.landed, ['SCN-c']);
    assert.equal(h.clock.timers, 0);
  });

  it('keeps one pending write per scene and refuses new scenes when full', async () => {
    const h = harness(2);
    h.queue.enqueue(scene('SCN-1', v));
    h.queue.enqueue(scene('SCN-2', v));
    h.queue.enqueue(scene('SCN-2', v));
    assert.equal(h.queue.size, 2);
    assert.throws(() => h.queue.enqueue(scene('SCN-3', v)), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_STORE_UNAVAILABLE' && e.retriable);
  });

  it('reports whether it drained in time', async () => {
    const h = harness();
    h.queue.enqueue(scene('SCN-d', v));
    const late = h.queue.drained(50);
    await h.clock.advance(60);
    assert.equal(await late, false);
    h.setUp(true);
    const inTime = h.queue.drained(5000);
    await h.clock.advance(200);
    assert.equal(await inTime, true);
    h.queue.stop();
  });
});
