/**
 * pino, JSON, to stderr only: stdout carries results (contract). Message text is logged only at debug or
 * below, so callers pass it under the `text` key and the serializer drops it at higher levels.
 */
import { pino, destination, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  const textVisible = level === 'debug' || level === 'trace';
  return pino(
    {
      level,
      base: { pid: process.pid, ...bindings },
      redact: { paths: ['password', '*.password', 'config.KAFKA_SASL_PASSWORD', 'config.REDIS_PASSWORD'], censor: '***' },
      serializers: textVisible ? {} : { text: () => undefined },
    },
    destination({ fd: 2, sync: true }),
  );
}
