/** The Lua scripts of the Redis store, each in its own file named after what it does (as BullMQ keeps them). */
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { rootPath } from '../../lib/paths.js';

const SCRIPTS = ['putScene', 'lookupCandidates', 'pruneExpired'] as const;

export interface StoreCommands {
  putScene(numKeys: number, ...args: (string | Buffer | number)[]): Promise<number>;
  lookupCandidatesBuffer(numKeys: number, ...args: (string | number)[]): Promise<Buffer[]>;
  pruneExpired(numKeys: number, ...args: (string | number)[]): Promise<number>;
}

/** Registers the scripts on the client (EVALSHA, falling back to EVAL after a server restart lost them). */
export function defineStoreCommands(client: Redis): Redis & StoreCommands {
  for (const name of SCRIPTS) {
    client.defineCommand(name, { lua: readFileSync(rootPath('services/adapters/store/lua', `${name}.lua`), 'utf8') });
  }
  return client as Redis & StoreCommands;
}
