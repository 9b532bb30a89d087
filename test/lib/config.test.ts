import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, maskConfig } from '../../services/lib/config.js';
import { HyperBridgeError } from '../../services/lib/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'hb-config-'));
const file = join(dir, 'hyperbridge.config.json');
writeFileSync(file, JSON.stringify({ HB_PARTITIONS: 3, HB_TOPIC_PREFIX: 'fromfile', HB_MAX_IN_FLIGHT: 7 }));

test('precedence: flags > environment > file > defaults', () => {
  const config = loadConfig({ file, env: { HB_TOPIC_PREFIX: 'fromenv', HB_MAX_IN_FLIGHT: '9' }, flags: { HB_MAX_IN_FLIGHT: '11' } });
  assert.equal(config.HB_PARTITIONS, 3);
  assert.equal(config.HB_TOPIC_PREFIX, 'fromenv');
  assert.equal(config.HB_MAX_IN_FLIGHT, 11);
  assert.equal(config.HB_MAX_TEXT_BYTES, 65536);
});

test('bad values are refused up front with the key named', () => {
  assert.throws(() => loadConfig({ env: { HB_PARTITIONS: 'six' } }), (e: HyperBridgeError) => e.code === 'HB_ERR_CONFIG' && /HB_PARTITIONS/.test(e.message));
  assert.throws(() => loadConfig({ env: { HB_EMBEDDER: 'magic' } }), /HB_EMBEDDER/);
  assert.throws(() => loadConfig({ env: { HB_PARTITIONS: '0' } }), /at least 1/);
});

test('unknown keys in the file are refused', () => {
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ HB_PARTITONS: 3 }));
  assert.throws(() => loadConfig({ file: bad, env: {} }), /HB_PARTITONS: unknown key/);
});

test('secrets never come from flags and are masked when printed', () => {
  assert.throws(() => loadConfig({ env: {}, flags: { KAFKA_SASL_PASSWORD: 'x' } }), /never from the command line/);
  const config = loadConfig({ env: { REDIS_URL: 'redis://user:pw@127.0.0.1:6379', KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'secret' } });
  const masked = maskConfig(config);
  assert.equal(masked.KAFKA_SASL_PASSWORD, '***');
  assert.equal(masked.REDIS_URL, 'redis://***@127.0.0.1:6379');
  assert.ok(!JSON.stringify(masked).includes('secret'));
});

test('SASL without credentials is a configuration error', () => {
  assert.throws(() => loadConfig({ env: { KAFKA_SASL_MECHANISM: 'scram-sha-512' } }), /needs KAFKA_SASL_USERNAME/);
});

test('secret files are read', () => {
  const pw = join(dir, 'pw');
  writeFileSync(pw, 'from-file\n');
  const config = loadConfig({ env: { REDIS_PASSWORD_FILE: pw } });
  assert.equal(config.REDIS_PASSWORD, 'from-file');
});
