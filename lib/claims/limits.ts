import "server-only";
import type { RateLimit } from "@/lib/engine/stock/store";
import { env } from "@/lib/env";

/**
 * The rate limits a claim counts against, per user and per client address, checked by the claim
 * script in its own round trip (RATE_LIMIT=off: none, for load tests). They count attempts per
 * promotion: the counters share the promotion's Redis hash tag, so they need no second call.
 */
export function claimLimits(who: { userId: string; ip: string }): RateLimit[] {
  if (env.RATE_LIMIT === "off") return [];
  return [
    { subject: `user:${who.userId}`, ...env.RATE_LIMIT_USER },
    { subject: `ip:${who.ip}`, ...env.RATE_LIMIT_IP },
  ];
}
