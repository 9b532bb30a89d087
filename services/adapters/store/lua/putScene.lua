-- Writes one scene atomically: its hash (vector, key, mnemonic, model, metadata, band list, expiry), its
-- membership in every band set, and its expiry entry. Every key is under the scene's shard hash tag, so the
-- script also runs on Redis Cluster. Re-putting a scene first leaves the bands it no longer falls in.
-- KEYS[1] scene hash, KEYS[2] expiry sorted set, KEYS[3..] band sets
-- ARGV[1] scene id, ARGV[2] vector (float32 LE bytes), ARGV[3] key, ARGV[4] mnemonic, ARGV[5] model id,
-- ARGV[6] metadata JSON, ARGV[7] expiry epoch ms (0: never), ARGV[8] band key prefix, ARGV[9] band list
local id = ARGV[1]
local old = redis.call('HGET', KEYS[1], 'b')
if old and old ~= ARGV[9] then
  for band in string.gmatch(old, '[^,]+') do
    redis.call('SREM', ARGV[8] .. band, id)
  end
end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'k', ARGV[3], 'm', ARGV[4], 'md', ARGV[5], 'meta', ARGV[6], 'b', ARGV[9], 'x', ARGV[7])
if tonumber(ARGV[7]) > 0 then
  redis.call('ZADD', KEYS[2], ARGV[7], id)
else
  redis.call('ZREM', KEYS[2], id)
end
for i = 3, #KEYS do
  redis.call('SADD', KEYS[i], id)
end
return #KEYS - 2
