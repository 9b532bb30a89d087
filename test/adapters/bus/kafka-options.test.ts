import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompressionTypes } from 'kafkajs';
import { compressionOf } from '../../../services/adapters/bus/index.js';
import { kafkaConfigOf } from '../../../services/adapters/bus/kafka/options.js';
import { loadConfig } from '../../../services/lib/config.js';
import { createLogger } from '../../../services/lib/logger.js';

const logger = createLogger('silent');

test('compression: none and gzip; any other codec is refused by name', () => {
  assert.equal(compressionOf('none'), CompressionTypes.None);
  assert.equal(compressionOf('GZIP'), CompressionTypes.GZIP);
  for (const codec of ['snappy', 'lz4', 'zstd']) {
    assert.throws(() => compressionOf(codec), (err: Error & { code?: string }) => err.code === 'HB_ERR_CODEC_UNSUPPORTED' && err.message.includes(codec));
  }
});

test('SASL and TLS settings pass through from the config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hb-tls-'));
  writeFileSync(join(dir, 'ca.pem'), 'CA');
  writeFileSync(join(dir, 'pw'), 's3cret\n');
  const config = loadConfig({
    env: {
      KAFKA_BROKERS: 'a:9093,b:9093',
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: join(dir, 'ca.pem'),
      KAFKA_SSL_REJECT_UNAUTHORIZED: 'false',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'hb',
      KAFKA_SASL_PASSWORD_FILE: join(dir, 'pw'),
    },
  });
  const options = kafkaConfigOf(config, logger);
  assert.deepEqual(options.brokers, ['a:9093', 'b:9093']);
  assert.deepEqual(options.ssl, { rejectUnauthorized: false, ca: ['CA'] });
  assert.deepEqual(options.sasl, { mechanism: 'scram-sha-512', username: 'hb', password: 's3cret' });

  const plain = kafkaConfigOf(loadConfig({ env: { KAFKA_BROKERS: 'k:9092', KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' } }), logger);
  assert.equal(plain.ssl, undefined);
  assert.deepEqual(plain.sasl, { mechanism: 'plain', username: 'u', password: 'p' });
  assert.throws(() => kafkaConfigOf(loadConfig({ env: {} }), logger), { code: 'HB_ERR_CONFIG' });
});
