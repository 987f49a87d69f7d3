import { randomUUID } from "node:crypto";
import { claimLimitKeys, promotionKeys } from "../keys";
import { DROP, DROP_STAGING, LOAD, LOCK, SNAPSHOT, STAGE_WINNERS, UNLOCK, WINNERS } from "./load-scripts";
import { CLAIM, CONFIRM, RELEASE, REFUND, RESERVED_BEFORE, SETTLE_SOLD_OUT } from "./scripts";
import type { ClaimDecision, LiveSnapshot, StockStore } from "./store";
import type { RunScript } from "../transport/script";

// Adding winners to the staging set in chunks keeps every script call (and Lua's unpack) small.
const WINNERS_CHUNK = 5_000;

/** Stock and claims on Redis: every operation is one of the scripts of ./scripts.ts and ./load-scripts.ts. */
export function redisStockStore(run: RunScript, keyPrefix = ""): StockStore {
  const keysOf = (promotionId: string) => promotionKeys(promotionId, keyPrefix);
  return {
    async claim(promotionId, userId, nowMs, limits = []) {
      const windows = limits.map((l) => ({ ...l, ...claimLimitKeys(promotionId, l.subject, l.windowMs, nowMs, keyPrefix) }));
      return toDecision((await run(CLAIM, { ...keysOf(promotionId), userId, limits: windows })) as ClaimReply);
    },
    async release(promotionId, userId, loadId = "") {
      await run(RELEASE, { ...keysOf(promotionId), userId, loadId });
    },
    async refund(promotionId, userId, loadId) {
      await run(REFUND, { ...keysOf(promotionId), userId, loadId });
    },
    async settleSoldOut(promotionId, userId, loadId) {
      await run(SETTLE_SOLD_OUT, { ...keysOf(promotionId), userId, loadId });
    },
    async reservedBefore(promotionId, olderThanMs) {
      const reply = (await run(RESERVED_BEFORE, { ...keysOf(promotionId), olderThanMs })) as string[] | null;
      if (!reply) return null;
      const [loadId, ...userIds] = reply;
      return { loadId, userIds };
    },
    async confirm(promotionId, userIds) {
      if (userIds.length > 0) await run(CONFIRM, { ...keysOf(promotionId), userIds });
    },
    async snapshot(promotionId) {
      return toSnapshot((await run(SNAPSHOT, keysOf(promotionId))) as (string | null)[] | null);
    },
    async winners(promotionId) {
      return (await run(WINNERS, keysOf(promotionId))) as string[] | null;
    },
    async load(promotionId, s, winners) {
      const k = keysOf(promotionId);
      await run(DROP_STAGING, k);
      for (let i = 0; i < winners.length; i += WINNERS_CHUNK) {
        await run(STAGE_WINNERS, { ...k, userIds: winners.slice(i, i + WINNERS_CHUNK) });
      }
      const flag = (b: boolean) => (b ? "1" : "0");
      await run(LOAD, {
        ...k,
        ...{ startsAt: String(s.startsAt), endsAt: String(s.endsAt), paused: flag(s.paused), published: flag(s.published) },
        ...{ total: String(s.totalStock), remaining: String(s.remaining), loadId: randomUUID() },
      });
    },
    async drop(promotionId) {
      await run(DROP, keysOf(promotionId));
    },
    async tryLock(promotionId, ttlMs) {
      const k = keysOf(promotionId);
      const token = randomUUID();
      if (Number(await run(LOCK, { ...k, token, ttlMs })) !== 1) return null;
      return async () => {
        await run(UNLOCK, { ...k, token });
      };
    },
  };
}

type ClaimReply = [string, number, string?];

/** Turns a CLAIM reply into a decision. */
function toDecision([code, value, extra]: ClaimReply): ClaimDecision {
  switch (code) {
    case "WON":
      return { kind: "WON", remaining: Number(value), loadId: String(extra) };
    case "NOT_STARTED":
      return { kind: "NOT_STARTED", startsAt: Number(value), engineNowMs: Number(extra) };
    case "RATE_LIMITED":
      return { kind: "RATE_LIMITED", retryAfterMs: Number(value) };
    case "MISSING":
    case "NOT_FOUND":
    case "ALREADY_CLAIMED":
    case "ENDED":
    case "PAUSED":
    case "SOLD_OUT":
      return { kind: code };
    default:
      throw new Error(`Unexpected claim script reply: ${code}`);
  }
}

/** Turns a SNAPSHOT reply into a snapshot and the engine's time. */
function toSnapshot(reply: (string | null)[] | null): LiveSnapshot | null {
  if (!reply) return null;
  const [startsAt, endsAt, paused, published, total, remaining, now] = reply;
  return {
    startsAt: Number(startsAt),
    endsAt: Number(endsAt),
    paused: paused === "1",
    published: published === "1",
    totalStock: Number(total),
    remaining: Number(remaining),
    engineNowMs: Number(now),
  };
}
