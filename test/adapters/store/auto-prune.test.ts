import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, appendFileSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSignatureStore } from '../../../services/adapters/store/index.js';
import { loadConfig } from '../../../services/lib/config.js';
import { createFakeClock } from './fake-clock.js';
import { MODEL, scene } from './suite.js';
import { DIM, vectorSource } from './vectors.js';

const dir = mkdtempSync(join(tmpdir(), 'hb-autoprune-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const source = { modelId: MODEL, dim: DIM };

describe('createSignatureStore (embedded, from config)', () => {
  it('prunes expired scenes on its own when a TTL is set, and compacts its log', async () => {
    const clock = createFakeClock();
    const config = loadConfig({ env: { HB_DATA_DIR: join(dir, 'ttl'), HB_STORE_TTL_S: '10' } });
    const store = await createSignatureStore(config, source, { clock });
    const v = vectorSource(31).random();
    await store.put(scene('SCN-t', v));
    assert.equal((await store.lookup(v, 1)).length, 1);
    await clock.advance(16_000);
    assert.equal(await store.prune(), 0, 'already pruned by the timer');
    assert.equal(statSync(join(dir, 'ttl', 'signatures', 'scenes.bin')).size, 0);
    await store.close();
  });

  it('reopens over a file whose last record was cut short by a crash', async () => {
    const config = loadConfig({ env: { HB_DATA_DIR: join(dir, 'crash') } });
    const v = vectorSource(32).random();
    const first = await createSignatureStore(config, source);
    await first.put(scene('SCN-kept', v));
    await first.close();
    const file = join(dir, 'crash', 'signatures', 'scenes.bin');
    const intact = statSync(file).size;
    appendFileSync(file, readFileSync(file).subarray(0, intact - 5));
    const second = await createSignatureStore(config, source);
    assert.equal((await second.lookup(v, 1))[0]!.sceneId, 'SCN-kept');
    assert.equal(statSync(file).size, intact, 'the torn record is cut off');
    await second.close();
  });
});
