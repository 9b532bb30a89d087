import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openEmbeddedStore } from '../../../services/adapters/store/index.js';
import { createLsh, signatureNamespace } from '../../../services/core/signature/index.js';
import { MODEL, runStoreSuite } from './suite.js';
import { DIM } from './vectors.js';

const root = mkdtempSync(join(tmpdir(), 'hb-sigstore-'));
after(() => rmSync(root, { recursive: true, force: true }));

runStoreSuite('embedded', async ({ space, ttlSeconds = 0, seed = 42, modelId = MODEL, clock }) => {
  const params = { bands: 8, rows: 4, seed };
  return openEmbeddedStore({
    dir: join(root, space),
    namespace: signatureNamespace(modelId, DIM, params),
    modelId,
    lsh: createLsh(DIM, params),
    ttlSeconds,
    threshold: 0.75,
    probes: 1,
    clock,
  });
});
