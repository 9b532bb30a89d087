/**
 * Flag parsing for every command. Unknown flags and bad values are usage errors (exit 2). Flags that map to
 * config keys are collected here so that config precedence (flags > env > file > defaults) holds everywhere.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { HyperBridgeError } from '../lib/errors.js';
import type { ConfigKey } from '../lib/config.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Flags every command accepts. */
export const COMMON_OPTIONS: OptionSpec = {
  json: { type: 'boolean', default: false },
  input: { type: 'string', short: 'i' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  kafka: { type: 'string' },
  redis: { type: 'boolean', default: false },
  'data-dir': { type: 'string' },
  'log-level': { type: 'string' },
  'topic-prefix': { type: 'string' },
  partitions: { type: 'string' },
  'max-text-bytes': { type: 'string' },
  'max-in-flight': { type: 'string' },
  embedder: { type: 'string' },
  model: { type: 'string' },
  'metrics-port': { type: 'string' },
};

/** Flag → config key. `--redis` takes no value: the URL is a secret-bearing key, so it comes from REDIS_URL. */
const FLAG_TO_KEY: Record<string, ConfigKey> = {
  kafka: 'KAFKA_BROKERS',
  'data-dir': 'HB_DATA_DIR',
  'log-level': 'HB_LOG_LEVEL',
  'topic-prefix': 'HB_TOPIC_PREFIX',
  partitions: 'HB_PARTITIONS',
  'max-text-bytes': 'HB_MAX_TEXT_BYTES',
  'max-in-flight': 'HB_MAX_IN_FLIGHT',
  embedder: 'HB_EMBEDDER',
  model: 'HB_MODEL',
  'metrics-port': 'HB_METRICS_PORT',
  marker: 'HB_MARKER',
};

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  configFlags: Partial<Record<ConfigKey, string>>;
}

export function usageError(reason: string): HyperBridgeError {
  return new HyperBridgeError('HB_ERR_USAGE', 'cli', reason);
}

export function parseCommandArgs(argv: string[], options: OptionSpec): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError((err as Error).message);
  }
  const configFlags: Partial<Record<ConfigKey, string>> = {};
  for (const [flag, key] of Object.entries(FLAG_TO_KEY)) {
    const value = parsed.values[flag];
    if (typeof value === 'string') configFlags[key] = value;
  }
  return { values: parsed.values, positionals: parsed.positionals, configFlags };
}

/** Reads an enumerated flag, refusing values outside the contract's enumeration. */
export function enumFlag<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const value = args.values[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw usageError(`--${name} must be one of ${allowed.join(', ')}, got "${String(value)}"`);
  }
  return value as T;
}

export function intFlag(args: ParsedArgs, name: string, fallback: number, min = 0): number {
  const value = args.values[name];
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw usageError(`--${name} must be an integer ≥ ${min}, got "${String(value)}"`);
  return n;
}
