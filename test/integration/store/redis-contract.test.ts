/** The SignatureStore contract suite against the shared Redis (REDIS_URL, see test/support/servers.ts). */
import { after, before } from 'node:test';
import { Redis } from 'ioredis';
import { openRedisStore } from '../../../services/adapters/store/index.js';
import { createLsh, signatureNamespace } from '../../../services/core/signature/index.js';
import { redisUrl, uniquePrefix } from '../../support/servers.js';
import { MODEL, runStoreSuite } from '../../adapters/store/suite.js';
import { DIM } from '../../adapters/store/vectors.js';

const run = uniquePrefix('sig');
let url = '';
before(async () => {
  url = await redisUrl();
});
after(async () => {
  const client = new Redis(url);
  const keys = await client.keys(`*${run}*`);
  if (keys.length) await client.del(...keys);
  client.disconnect();
});

for (const shards of [1, 3]) {
  runStoreSuite(`redis (${shards} shard${shards > 1 ? 's' : ''})`, async ({ space, ttlSeconds = 0, seed = 42, modelId = MODEL, clock }) => {
    const params = { bands: 8, rows: 4, seed };
    return openRedisStore({
      client: new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 }),
      prefix: `${run}:${shards}:${space}`,
      shards,
      namespace: signatureNamespace(modelId, DIM, params),
      modelId,
      lsh: createLsh(DIM, params),
      ttlSeconds,
      threshold: 0.75,
      probes: 1,
    maxPending: 100,
      clock,
    });
  });
}
