/**
 * The bus adapter: one interface, two transports. Kafka when KAFKA_BROKERS is set (or asked for), the embedded
 * bus under HB_DATA_DIR otherwise. Nothing outside this folder imports kafkajs.
 */
import type { Config } from '../../lib/config.js';
import type { Logger } from '../../lib/logger.js';
import { EmbeddedBus } from './embedded/bus.js';
import { KafkaBus } from './kafka/bus.js';
import { compressionOf, kafkaConfigOf } from './kafka/options.js';
import type { Bus } from './types.js';

export type { Bus, Headers, InRecord, OutRecord, ProcessHandle, ProcessSpec, Processor, ReadOptions } from './types.js';
export { EmbeddedBus, type EmbeddedBusOptions } from './embedded/bus.js';
export { KafkaBus } from './kafka/bus.js';
export { compressionOf } from './kafka/options.js';
export { partitionOf } from './partition.js';

/**
 * Room a record needs beyond its text: an event carries the text, its components and renderings (each a few
 * times shorter than the text at most), and Avro framing.
 */
export function maxMessageBytesOf(config: Config): number {
  return config.HB_MAX_TEXT_BYTES * 8 + 1024 * 1024;
}

export function createBus(config: Config, logger: Logger, transport: 'embedded' | 'kafka' = config.KAFKA_BROKERS ? 'kafka' : 'embedded'): Bus {
  if (transport === 'embedded') {
    return new EmbeddedBus({ dataDir: config.HB_DATA_DIR, partitions: config.HB_PARTITIONS, maxInFlight: config.HB_MAX_IN_FLIGHT });
  }
  return new KafkaBus(
    kafkaConfigOf(config, logger.child({ component: 'kafkajs' })),
    {
      partitions: config.HB_PARTITIONS,
      maxMessageBytes: maxMessageBytesOf(config),
      compression: compressionOf(config.KAFKA_COMPRESSION),
      sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
      transactionTimeoutMs: config.KAFKA_TRANSACTION_TIMEOUT_MS,
    },
    logger,
  );
}
