/**
 * One typed configuration, validated at start (as fastify validates its options up front).
 * Precedence: flags > HB_* environment > hyperbridge.config.json > defaults.
 * Every key is declared once in CONFIG_KEYS with its type, default and documentation; `config print`
 * and docs/configuration.md are both made from this table, so they cannot drift apart.
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { HyperBridgeError } from './errors.js';

type KeyType = 'string' | 'int' | 'number' | 'bool' | 'enum' | 'list';

export interface KeySpec {
  type: KeyType;
  default: string | number | boolean | string[] | null;
  doc: string;
  /** Secrets are never taken from argv and are masked when printed or logged. */
  secret?: boolean;
  values?: readonly string[];
  min?: number;
  max?: number;
}

export const CONFIG_KEYS = {
  HB_DATA_DIR: { type: 'string', default: './.hyperbridge/', doc: 'Where the embedded default keeps its streams and signature store.' },
  HB_LOG_LEVEL: { type: 'enum', default: 'info', values: ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], doc: 'pino log level (logs go to stderr). Message text is only logged at debug and below.' },
  KAFKA_BROKERS: { type: 'list', default: null, doc: 'Comma-separated Kafka bootstrap servers; when set, the bus is Kafka instead of the embedded bus.' },
  KAFKA_CLIENT_ID: { type: 'string', default: 'hyperbridge', doc: 'Kafka client id prefix.' },
  KAFKA_SSL: { type: 'bool', default: false, doc: 'Use TLS to the brokers.' },
  KAFKA_SSL_CA_FILE: { type: 'string', default: null, doc: 'PEM file of the CA that signed the brokers\' certificates.' },
  KAFKA_SSL_CERT_FILE: { type: 'string', default: null, doc: 'PEM client certificate for mutual TLS.' },
  KAFKA_SSL_KEY_FILE: { type: 'string', default: null, doc: 'PEM client key for mutual TLS.', secret: true },
  KAFKA_SSL_REJECT_UNAUTHORIZED: { type: 'bool', default: true, doc: 'Reject brokers whose certificate does not verify.' },
  KAFKA_SASL_MECHANISM: { type: 'enum', default: null, values: ['plain', 'scram-sha-256', 'scram-sha-512'], doc: 'SASL mechanism, unset for none.' },
  KAFKA_SASL_USERNAME: { type: 'string', default: null, doc: 'SASL user name.' },
  KAFKA_SASL_PASSWORD: { type: 'string', default: null, doc: 'SASL password (environment or KAFKA_SASL_PASSWORD_FILE only).', secret: true },
  KAFKA_SASL_PASSWORD_FILE: { type: 'string', default: null, doc: 'File holding the SASL password.' },
  KAFKA_SESSION_TIMEOUT_MS: { type: 'int', default: 30000, min: 6000, doc: 'Consumer group session timeout.' },
  KAFKA_TRANSACTION_TIMEOUT_MS: { type: 'int', default: 60000, min: 1000, max: 900000, doc: 'Transaction timeout of a stage\'s transactional producer; a killed stage\'s open transaction blocks read-committed consumers until it is aborted (at once when the same instance restarts, else after this timeout).' },
  HB_INSTANCE_ID: { type: 'string', default: null, doc: 'Name of this stage instance (default: the host name); its Kafka transactional id is <prefix>.<stage>.<instance>, so give instances on one host distinct names and keep a name across restarts.' },
  KAFKA_COMPRESSION: { type: 'enum', default: 'none', values: ['none', 'gzip'], doc: 'Producer compression codec; only none and gzip are accepted.' },
  REDIS_URL: { type: 'string', default: null, doc: 'redis:// or rediss:// URL; when set, signatures are stored in Redis instead of the embedded store.', secret: true },
  REDIS_USERNAME: { type: 'string', default: null, doc: 'Redis ACL user.' },
  REDIS_PASSWORD: { type: 'string', default: null, doc: 'Redis ACL password (environment or REDIS_PASSWORD_FILE only).', secret: true },
  REDIS_PASSWORD_FILE: { type: 'string', default: null, doc: 'File holding the Redis password.' },
  REDIS_TLS: { type: 'bool', default: false, doc: 'Use TLS to Redis (implied by a rediss:// URL).' },
  REDIS_TLS_CA_FILE: { type: 'string', default: null, doc: 'PEM file of the CA that signed Redis\'s certificate.' },
  HB_TOPIC_PREFIX: { type: 'string', default: 'hb', doc: 'Prefix of every topic and consumer group.' },
  HB_PARTITIONS: { type: 'int', default: 6, min: 1, max: 1000, doc: 'Partitions per topic created by `topics ensure`.' },
  HB_MAX_TEXT_BYTES: { type: 'int', default: 65536, min: 16, max: 8388608, doc: 'Longest message text in UTF-8 bytes; longer texts are refused before they are produced and at ingest.' },
  HB_MAX_IN_FLIGHT: { type: 'int', default: 1000, min: 1, max: 1000000, doc: 'Messages a stage holds unfinished; the embedded bus blocks producers and Kafka consumers pause beyond it.' },
  HB_EMBEDDER: { type: 'enum', default: 'static', values: ['static', 'transformers'], doc: 'static: the bundled meaning model; transformers: an ONNX model through @xenova/transformers.' },
  HB_MODEL: { type: 'string', default: null, doc: 'For HB_EMBEDDER=static a model file (default: the bundled one); for transformers a local model folder or a hub id.' },
  HB_ALLOW_REMOTE_MODELS: { type: 'bool', default: false, doc: 'Let the transformers embedder download from a model hub; off by default (offline).' },
  HB_METRICS_PORT: { type: 'int', default: null, min: 0, max: 65535, doc: 'Port of the Prometheus /metrics, /healthz and /readyz endpoints; unset for none.' },
  HB_LSH_BANDS: { type: 'int', default: 16, min: 1, max: 64, doc: 'Signature bands (random-hyperplane LSH).' },
  HB_LSH_ROWS: { type: 'int', default: 16, min: 1, max: 32, doc: 'Bits per signature band; part of the index namespace.' },
  HB_LSH_PROBES: { type: 'int', default: 1024, min: 0, max: 4096, doc: 'Multi-probe lookups: besides each band\'s own bucket, this many more buckets over all bands, those whose flipped bits\' hyperplanes pass closest to the query first (more recall, more candidates; not part of the namespace).' },
  HB_LSH_SEED: { type: 'int', default: 42, doc: 'Seed of the LSH hyperplanes; part of the index namespace.' },
  HB_STORE_TTL_S: { type: 'int', default: 0, min: 0, doc: 'Lifetime of a stored scene in seconds; 0 keeps it until pruned.' },
  HB_STORE_SHARDS: { type: 'int', default: 1, min: 1, max: 1024, doc: 'Hash-tag shards of the Redis signature index; every key of one scene shares its shard\'s tag, so writes stay atomic on Redis Cluster. Use at least the number of Cluster primaries there, 1 on a single Redis.' },
  HB_STORE_PENDING_MAX: { type: 'int', default: 100000, min: 1, doc: 'Signature writes held for retry while Redis is unreachable; beyond it a write fails with HB_ERR_STORE_UNAVAILABLE (retriable) and its message is not acknowledged.' },
  HB_LOOKUP_THRESHOLD: { type: 'number', default: 0.75, min: 0, max: 1, doc: 'Lowest cosine that counts as a reverse-lookup match.' },
  HB_RESONANCE_LOSSLESS: { type: 'number', default: 1, min: 0, max: 1, doc: 'Concept recall needed (with phases in order) for the verdict lossless.' },
  HB_RESONANCE_MIN: { type: 'number', default: 0.8, min: 0, max: 1, doc: 'Resonance needed for the verdict resonant; below it a rendering has drifted.' },
  HB_MAX_RERENDERS: { type: 'int', default: 2, min: 0, max: 10, doc: 'Times a drifted rendering is re-rendered with the next variant before it is published as drifted.' },
  HB_MARKER: { type: 'enum', default: 'visible', values: ['visible', 'invisible', 'none'], doc: 'Marker mode of renderings.' },
} as const satisfies Record<string, KeySpec>;

export type ConfigKey = keyof typeof CONFIG_KEYS;

type ValueOf<S> = S extends { type: 'int' | 'number' } ? number
  : S extends { type: 'bool' } ? boolean
  : S extends { type: 'list' } ? string[]
  : string;
type DefaultOf<S> = S extends { default: null } ? null : never;

export type Config = { readonly [K in ConfigKey]: ValueOf<(typeof CONFIG_KEYS)[K]> | DefaultOf<(typeof CONFIG_KEYS)[K]> };

export interface ConfigSources {
  /** Flags already mapped to config keys (e.g. --kafka → KAFKA_BROKERS). */
  flags?: Partial<Record<ConfigKey, string | number | boolean>>;
  env?: NodeJS.ProcessEnv;
  /** Path of the JSON config file; defaults to ./hyperbridge.config.json when present. */
  file?: string;
}

function fail(key: string, reason: string): never {
  throw new HyperBridgeError('HB_ERR_CONFIG', 'config', `${key}: ${reason}`);
}

function parseValue(key: ConfigKey, raw: unknown): unknown {
  const spec: KeySpec = CONFIG_KEYS[key];
  if (raw === null || raw === undefined || raw === '') return null;
  switch (spec.type) {
    case 'string':
      return String(raw);
    case 'list':
      return Array.isArray(raw) ? raw.map(String) : String(raw).split(',').map((s) => s.trim()).filter(Boolean);
    case 'bool': {
      if (typeof raw === 'boolean') return raw;
      const s = String(raw).toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(s)) return true;
      if (['0', 'false', 'no', 'off'].includes(s)) return false;
      return fail(key, `expected a boolean, got "${raw}"`);
    }
    case 'int':
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (!Number.isFinite(n)) fail(key, `expected a number, got "${raw}"`);
      if (spec.type === 'int' && !Number.isInteger(n)) fail(key, `expected an integer, got "${raw}"`);
      if (spec.min !== undefined && n < spec.min) fail(key, `must be at least ${spec.min}, got ${n}`);
      if (spec.max !== undefined && n > spec.max) fail(key, `must be at most ${spec.max}, got ${n}`);
      return n;
    }
    case 'enum': {
      const s = String(raw).toLowerCase();
      if (!spec.values!.includes(s)) fail(key, `must be one of ${spec.values!.join(', ')}, got "${raw}"`);
      return s;
    }
  }
}

function readFileConfig(path: string | undefined): Record<string, unknown> {
  const file = path ?? resolve('hyperbridge.config.json');
  if (!existsSync(file)) {
    if (path) fail('config file', `${path} does not exist`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return fail('config file', `${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) fail('config file', `${file} must hold a JSON object`);
  for (const k of Object.keys(parsed)) if (!(k in CONFIG_KEYS)) fail(k, `unknown key in ${file}`);
  return parsed as Record<string, unknown>;
}

function readSecretFile(key: string, path: string | null): string | null {
  if (!path) return null;
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (err) {
    return fail(key, `cannot read ${path}: ${(err as Error).message}`);
  }
}

export function loadConfig(sources: ConfigSources = {}): Config {
  const env = sources.env ?? process.env;
  const file = readFileConfig(sources.file ?? env.HB_CONFIG_FILE);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(CONFIG_KEYS) as ConfigKey[]) {
    const spec: KeySpec = CONFIG_KEYS[key];
    const flag = sources.flags?.[key];
    if (flag !== undefined && spec.secret) fail(key, 'secrets are read from the environment or a file, never from the command line');
    const raw = flag ?? env[key] ?? file[key] ?? spec.default;
    out[key] = parseValue(key, raw);
  }
  out.KAFKA_SASL_PASSWORD ??= readSecretFile('KAFKA_SASL_PASSWORD_FILE', out.KAFKA_SASL_PASSWORD_FILE as string | null);
  out.REDIS_PASSWORD ??= readSecretFile('REDIS_PASSWORD_FILE', out.REDIS_PASSWORD_FILE as string | null);
  if (out.KAFKA_SASL_MECHANISM && (!out.KAFKA_SASL_USERNAME || !out.KAFKA_SASL_PASSWORD)) {
    fail('KAFKA_SASL_MECHANISM', 'needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD (or KAFKA_SASL_PASSWORD_FILE)');
  }
  return Object.freeze(out) as Config;
}

/** Masks secrets, including a password inside REDIS_URL, for `config print` and logs. */
export function maskConfig(config: Config): Record<string, unknown> {
  const masked: Record<string, unknown> = {};
  for (const key of Object.keys(CONFIG_KEYS) as ConfigKey[]) {
    const value = config[key];
    const spec: KeySpec = CONFIG_KEYS[key];
    if (value !== null && spec.secret) {
      masked[key] = key === 'REDIS_URL' ? String(value).replace(/\/\/([^@/]*)@/, '//***@') : '***';
    } else {
      masked[key] = value;
    }
  }
  return masked;
}
