/**
 * kafkajs settings made from the typed config: brokers, TLS, SASL, compression, logging. kafkajs is
 * unmaintained, so it is only ever touched through this folder.
 */
import { readFileSync } from 'node:fs';
import { CompressionTypes, logLevel, type KafkaConfig, type LogEntry, type SASLOptions } from 'kafkajs';
import { HyperBridgeError } from '../../../lib/errors.js';
import type { Config } from '../../../lib/config.js';
import type { Logger } from '../../../lib/logger.js';

const CODECS = { none: CompressionTypes.None, gzip: CompressionTypes.GZIP } as const;

/** none and gzip only: the other codecs need native modules kafkajs does not ship. */
export function compressionOf(codec: string): CompressionTypes {
  const type = CODECS[codec.toLowerCase() as keyof typeof CODECS];
  if (type === undefined) {
    throw new HyperBridgeError('HB_ERR_CODEC_UNSUPPORTED', 'bus', `compression codec "${codec}" is not supported (none and gzip are)`);
  }
  return type;
}

function readPem(key: string, path: string | null): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new HyperBridgeError('HB_ERR_CONFIG', 'bus', `${key}: cannot read ${path}: ${(err as Error).message}`);
  }
}

function saslOf(config: Config): SASLOptions | undefined {
  const mechanism = config.KAFKA_SASL_MECHANISM;
  if (!mechanism) return undefined;
  const username = config.KAFKA_SASL_USERNAME ?? '';
  const password = config.KAFKA_SASL_PASSWORD ?? '';
  switch (mechanism) {
    case 'plain':
      return { mechanism: 'plain', username, password };
    case 'scram-sha-256':
      return { mechanism: 'scram-sha-256', username, password };
    case 'scram-sha-512':
      return { mechanism: 'scram-sha-512', username, password };
    default:
      throw new HyperBridgeError('HB_ERR_CONFIG', 'bus', `KAFKA_SASL_MECHANISM: unknown mechanism "${mechanism}"`);
  }
}

const PINO_LEVEL: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** kafkajs logs through our pino logger (stderr, JSON); its info chatter is demoted to debug. */
function logCreatorOf(logger: Logger): KafkaConfig['logCreator'] {
  return () => ({ namespace, level, log }: LogEntry) => {
    const { message, timestamp: _t, logger: _l, ...extra } = log as LogEntry['log'] & { timestamp?: string; logger?: string };
    const pinoLevel = level === logLevel.INFO ? 'debug' : (PINO_LEVEL[level] ?? 'debug');
    logger[pinoLevel]({ kafkajs: namespace, ...extra }, message);
  };
}

export function kafkaConfigOf(config: Config, logger: Logger): KafkaConfig {
  if (!config.KAFKA_BROKERS || config.KAFKA_BROKERS.length === 0) {
    throw new HyperBridgeError('HB_ERR_CONFIG', 'bus', 'KAFKA_BROKERS is not set');
  }
  const ca = readPem('KAFKA_SSL_CA_FILE', config.KAFKA_SSL_CA_FILE);
  const cert = readPem('KAFKA_SSL_CERT_FILE', config.KAFKA_SSL_CERT_FILE);
  const key = readPem('KAFKA_SSL_KEY_FILE', config.KAFKA_SSL_KEY_FILE);
  const ssl = config.KAFKA_SSL || ca || cert
    ? { rejectUnauthorized: config.KAFKA_SSL_REJECT_UNAUTHORIZED, ...(ca && { ca: [ca] }), ...(cert && { cert }), ...(key && { key }) }
    : undefined;
  return {
    clientId: config.KAFKA_CLIENT_ID,
    brokers: [...config.KAFKA_BROKERS],
    ssl,
    sasl: saslOf(config),
    connectionTimeout: 5000,
    retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator: logCreatorOf(logger),
  };
}
