import { defineScript } from "../transport/script";

// The live outcome figures of one promotion: a HyperLogLog of its triers, one hash per second.

/**
 * Adds the amounts of each second (instances add up), keeps the lowest remaining ('' = none
 * seen), counts the triers; returns the unique triers. A second's `counts` are its non-zero
 * fields as "field=amount,field=amount".
 */
export const RECORD_OUTCOMES = defineScript({
  name: "recordOutcomes",
  keys: ["triers"],
  args: ["secondsTtlMs", "triersTtlMs"],
  each: { name: "seconds", keys: ["hash"], args: ["remaining", "counts"] },
  rest: "userIds",
  lua: `
local n = #userIds
for j = 1, n, 1000 do
  redis.call('PFADD', triers, unpack(userIds, j, math.min(j + 999, n)))
end
if n > 0 then redis.call('PEXPIRE', triers, triersTtlMs) end
for _, s in ipairs(seconds) do
  for field, amount in string.gmatch(s.counts, '([^=,]+)=([^,]+)') do
    redis.call('HINCRBY', s.hash, field, amount)
  end
  if s.remaining ~= '' then
    local low = redis.call('HGET', s.hash, 'remaining')
    if not low or tonumber(low) > tonumber(s.remaining) then redis.call('HSET', s.hash, 'remaining', s.remaining) end
  end
  redis.call('PEXPIRE', s.hash, secondsTtlMs)
end
return redis.call('PFCOUNT', triers)
`,
});

/** Returns {unique triers, HGETALL of each second}. */
export const READ_OUTCOMES = defineScript({
  name: "readOutcomes",
  keys: ["triers"],
  each: { name: "seconds", keys: ["hash"], args: [] },
  lua: `
local out = {redis.call('PFCOUNT', triers)}
for _, s in ipairs(seconds) do table.insert(out, redis.call('HGETALL', s.hash)) end
return out
`,
});
