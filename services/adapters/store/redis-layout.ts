/**
 * Where a scene lives in Redis. The index is split into `shards`; everything a scene's write touches (its
 * hash, the band sets of its shard, the shard's expiry set) carries the shard's hash tag `{<prefix>:<shard>}`,
 * so one Lua script can write it atomically on Redis Cluster too. Band sets are shared by the scenes of a
 * shard; a lookup asks every shard (one script call each, in parallel). One shard (the default) suits a single
 * Redis; on Cluster use at least as many shards as primaries to spread the index.
 *
 *   <prefix>:namespace                    string  model id + dimension + LSH parameters
 *   {<prefix>:<shard>}:s:<sceneId>        hash    v (float32 LE), k, m, md, meta, b (band list), x (expiry ms, 0 never)
 *   {<prefix>:<shard>}:b:<band>:<bits>    set     scene ids
 *   {<prefix>:<shard>}:x                  zset    scene id by expiry ms (scenes with a TTL only)
 */
export interface RedisLayout {
  namespaceKey: string;
  shards: number;
  shardOf(sceneId: string): number;
  /** `{<prefix>:<shard>}:`, the start of every key of the shard. */
  shardPrefix(shard: number): string;
  sceneKey(shard: number, sceneId: string): string;
  bandKey(shard: number, band: string): string;
  expiryKey(shard: number): string;
}

/** FNV-1a: a stable spread of scene ids over shards, the same in every process. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function redisLayout(prefix: string, shards: number): RedisLayout {
  const shardPrefix = (shard: number) => `{${prefix}:${shard}}:`;
  return {
    namespaceKey: `${prefix}:namespace`,
    shards,
    shardOf: (sceneId) => (shards === 1 ? 0 : fnv1a(sceneId) % shards),
    shardPrefix,
    sceneKey: (shard, sceneId) => `${shardPrefix(shard)}s:${sceneId}`,
    bandKey: (shard, band) => `${shardPrefix(shard)}b:${band}`,
    expiryKey: (shard) => `${shardPrefix(shard)}x`,
  };
}
