/**
 * The real redis-server stopped and started again during a run: writes made while it is away are queued,
 * retried with back-off and counted; lookups answer HB_ERR_STORE_UNAVAILABLE; nothing crashes; once the server
 * is back every scene ends up indexed.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { openRedisStore, createRedisClient, type SignatureStore } from '../../../services/adapters/store/index.js';
import { createLsh, signatureNamespace } from '../../../services/core/signature/index.js';
import { HyperBridgeError } from '../../../services/lib/errors.js';
import { MODEL, scene } from '../../adapters/store/suite.js';
import { DIM, vectorSource } from '../../adapters/store/vectors.js';
import { redisProcess } from './redis-process.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) assert.fail('condition not met in time');
    await sleep(50);
  }
}

describe('Redis signature store across a server restart', () => {
  let store: SignatureStore | null = null;
  const params = { bands: 8, rows: 4, seed: 42 };

  it('queues writes while Redis is down, fails lookups clearly, and indexes everything after the restart', async () => {
    const server = await redisProcess();
    after(async () => {
      await store?.close(100);
      await server.stop();
    });
    await server.start();
    store = await openRedisStore({
      client: createRedisClient({ url: server.url, username: null, password: null, tls: false, tlsCaFile: null }),
      prefix: 'hb:sig',
      shards: 1,
      namespace: signatureNamespace(MODEL, DIM, params),
      modelId: MODEL,
      lsh: createLsh(DIM, params),
      ttlSeconds: 0,
      threshold: 0.75,
      maxPending: 1000,
      retry: { baseDelayMs: 20, maxDelayMs: 200 },
    });
    const vs = vectorSource(21);
    const vectors = Array.from({ length: 60 }, () => vs.random());
    for (let i = 0; i < 20; i++) await store.put(scene(`SCN-${i}`, vectors[i]!));
    assert.equal(store.stats().written, 20);

    await server.stop();
    for (let i = 20; i < 40; i++) await store.put(scene(`SCN-${i}`, vectors[i]!));
    const whileDown = store.stats();
    assert.equal(whileDown.pending, 20);
    assert.equal(whileDown.queued, 20);
    await assert.rejects(store.lookup(vectors[0]!, 1), (e: unknown) => e instanceof HyperBridgeError && e.code === 'HB_ERR_STORE_UNAVAILABLE' && e.retriable);
    await sleep(300);
    assert.ok(store.stats().retries > 0, 'writes were retried while the server was away');

    // The server comes back empty (no persistence): the namespace is claimed again and the queue drained.
    await server.start();
    await eventually(async () => store!.stats().pending === 0, 10_000);
    for (let i = 40; i < 60; i++) await store.put(scene(`SCN-${i}`, vectors[i]!));
    const ids = [];
    for (let i = 20; i < 60; i++) ids.push((await store.lookup(vectors[i]!, 1))[0]?.sceneId);
    assert.deepEqual(ids, Array.from({ length: 40 }, (_, j) => `SCN-${j + 20}`));
    assert.equal(store.stats().written, 60);

    const check = new Redis(server.url);
    assert.equal(await check.get('hb:sig:namespace'), store.namespace);
    check.disconnect();
  });
});
