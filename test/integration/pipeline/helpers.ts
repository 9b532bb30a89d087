/** Shared set-up of the pipeline integration tests: a config on the test broker under a fresh prefix. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../../services/lib/config.js';
import { createLogger } from '../../../services/lib/logger.js';
import { kafkaBrokers, uniquePrefix, TEST_SESSION_TIMEOUT_MS } from '../../support/index.js';

/** Environment of a test: its own topics and groups, short session and transaction timeouts. */
export async function testEnv(label: string, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    KAFKA_BROKERS: (await kafkaBrokers()).join(','),
    HB_TOPIC_PREFIX: uniquePrefix(label),
    HB_PARTITIONS: '6',
    KAFKA_SESSION_TIMEOUT_MS: String(TEST_SESSION_TIMEOUT_MS),
    KAFKA_TRANSACTION_TIMEOUT_MS: '10000',
    HB_DATA_DIR: mkdtempSync(join(tmpdir(), 'hb-pipeline-')),
    HB_LOG_LEVEL: process.env.HB_TEST_LOG_LEVEL ?? 'warn',
    ...extra,
  };
}

export function configOf(env: Record<string, string>): Config {
  return loadConfig({ env, file: undefined });
}

export const quietLogger = () => createLogger(process.env.HB_TEST_LOG_LEVEL ?? 'warn', { test: true });
