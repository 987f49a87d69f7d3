import { defineScript } from "../transport/script";

/** 1 the first time, 0 while the token is remembered. */
export const FIRST_USE = defineScript({
  name: "firstUse",
  keys: ["spent"],
  args: ["ttlMs"],
  lua: `
if redis.call('SET', spent, '1', 'PX', ttlMs, 'NX') then return 1 end
return 0
`,
});
