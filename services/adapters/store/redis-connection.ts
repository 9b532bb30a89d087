/** An ioredis client from the config: URL, ACL user and password, TLS. Fails fast while disconnected. */
import { readFileSync } from 'node:fs';
import { Redis, type RedisOptions } from 'ioredis';
import { HyperBridgeError } from '../../lib/errors.js';

export interface RedisConnectionConfig {
  url: string;
  username: string | null;
  password: string | null;
  tls: boolean;
  tlsCaFile: string | null;
}

export function createRedisClient(cfg: RedisConnectionConfig): Redis {
  const tls = cfg.tls || cfg.url.startsWith('rediss://');
  let ca: Buffer | undefined;
  if (cfg.tlsCaFile) {
    try {
      ca = readFileSync(cfg.tlsCaFile);
    } catch (err) {
      throw new HyperBridgeError('HB_ERR_CONFIG', 'store', `REDIS_TLS_CA_FILE: cannot read ${cfg.tlsCaFile}: ${(err as Error).message}`);
    }
  }
  const options: RedisOptions = {
    lazyConnect: true,
    // Commands fail at once while the server is away; the store's own queue holds writes, lookups answer
    // HB_ERR_STORE_UNAVAILABLE instead of hanging.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 5000,
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2000),
    ...(cfg.username ? { username: cfg.username } : {}),
    ...(cfg.password ? { password: cfg.password } : {}),
    ...(tls ? { tls: ca ? { ca } : {} } : {}),
  };
  return new Redis(cfg.url, options);
}
