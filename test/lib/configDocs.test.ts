import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { configurationMarkdown } from '../../services/lib/configDocs.js';
import { CONFIG_KEYS } from '../../services/lib/config.js';
import { rootPath } from '../../services/lib/paths.js';

test('docs/configuration.md is the generated reference (run `hyperbridge config docs > docs/configuration.md`)', () => {
  assert.equal(readFileSync(rootPath('docs/configuration.md'), 'utf8'), configurationMarkdown());
});

test('every contract core key is documented', () => {
  for (const key of ['HB_DATA_DIR', 'KAFKA_BROKERS', 'REDIS_URL', 'HB_TOPIC_PREFIX', 'HB_PARTITIONS', 'HB_MAX_TEXT_BYTES',
    'HB_MAX_IN_FLIGHT', 'HB_EMBEDDER', 'HB_MODEL', 'HB_METRICS_PORT']) {
    assert.ok(key in CONFIG_KEYS, key);
  }
});
