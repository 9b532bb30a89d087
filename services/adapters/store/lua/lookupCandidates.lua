-- The live scenes that share at least one band with the query, each as id, vector, key, mnemonic, so the
-- client re-ranks them by exact cosine in one round trip per shard. Ids left in a band by a scene that expired
-- but is not pruned yet are skipped.
-- KEYS[1..] band sets of one shard: the query's own bucket in each band and its multi-probe buckets (at most
-- 64 + 4096 by the config bounds, under the 8000 values unpack can pass); ARGV[1] scene hash prefix, ARGV[2] now epoch ms
local ids = redis.call('SUNION', unpack(KEYS))
local now = tonumber(ARGV[2])
local out = {}
for _, id in ipairs(ids) do
  local f = redis.call('HMGET', ARGV[1] .. id, 'v', 'k', 'm', 'x')
  if f[1] then
    local x = tonumber(f[4]) or 0
    if x == 0 or x > now then
      out[#out + 1] = id
      out[#out + 1] = f[1]
      out[#out + 1] = f[2]
      out[#out + 1] = f[3]
    end
  end
end
return out
