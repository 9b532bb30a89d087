-- Removes up to ARGV[3] scenes of one shard whose expiry is at or before ARGV[1]: their hash, their band
-- memberships and their expiry entry. Returns how many; the caller repeats until fewer than the limit.
-- KEYS[1] expiry sorted set; ARGV[1] now epoch ms, ARGV[2] shard key prefix, ARGV[3] limit
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(ids) do
  local sceneKey = ARGV[2] .. 's:' .. id
  local bands = redis.call('HGET', sceneKey, 'b')
  if bands then
    for band in string.gmatch(bands, '[^,]+') do
      redis.call('SREM', ARGV[2] .. 'b:' .. band, id)
    end
  end
  redis.call('DEL', sceneKey)
  redis.call('ZREM', KEYS[1], id)
end
return #ids
