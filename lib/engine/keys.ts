import { createHash } from "node:crypto";
import { windowPosition, type WindowKeys } from "./sliding-window";

// All keys of one promotion share the hash tag {id}, so every script touches a single
// Redis Cluster slot.
export interface PromotionKeys {
  meta: string;
  stock: string;
  winners: string;
  staging: string;
  reserved: string;
  lock: string;
}

export function promotionKeys(promotionId: string, prefix = ""): PromotionKeys {
  const tag = `${prefix}promo:{${promotionId}}`;
  return {
    meta: `${tag}:meta`, // hash: startsAt, endsAt, paused, published, total
    stock: `${tag}:stock`, // remaining count
    winners: `${tag}:winners`, // set of user ids
    staging: `${tag}:winners:staging`, // winners being loaded, renamed into place atomically
    reserved: `${tag}:reserved`, // sorted set: wins by time, until their claim row is confirmed
    lock: `${tag}:lock`, // rebuild lock
  };
}

/**
 * A claim's rate-limit counters of `subject` (e.g. "user:<id>"), under the promotion's hash tag
 * so the claim script can check them in its own round trip, also on Redis Cluster.
 */
export function claimLimitKeys(promotionId: string, subject: string, windowMs: number, nowMs: number, prefix = ""): WindowKeys {
  const { index, elapsedMs } = windowPosition(windowMs, nowMs);
  const base = `${prefix}promo:{${promotionId}}:rl:${subject}`;
  return { current: `${base}:${index}`, previous: `${base}:${index - 1}`, elapsedMs };
}

/** A promotion's live outcome figures: one hash per second, and the unique triers (HyperLogLog). */
export function outcomeKeys(promotionId: string, seconds: readonly number[], prefix = "") {
  const tag = `${prefix}promo:{${promotionId}}`;
  return { triers: `${tag}:triers`, seconds: seconds.map((s) => `${tag}:out:${s}`) };
}

/**
 * An account's session state (lib/sessions/checks.ts), under the user's own hash tag: it is
 * read next to the claim script (concurrently), never inside it, so it needs no promotion's slot.
 */
export function sessionStateKey(userId: string, prefix = ""): string {
  return `${prefix}user:{${userId}}:session`;
}

// Throttle subjects carry user input (emails, addresses): hashed, they can neither break a hash
// tag with a brace nor leave an email in Redis in clear. One tag per subject: one Cluster slot.
const tagOf = (subject: string) => createHash("sha256").update(subject).digest("base64url").slice(0, 22);

const throttleBase = (subject: string, prefix: string) => `${prefix}auth:{${tagOf(subject)}}`;

/** A throttle's sliding-window pair, named by the caller's clock. */
export function throttleWindowKeys(subject: string, windowMs: number, nowMs: number, prefix = ""): WindowKeys {
  const { index, elapsedMs } = windowPosition(windowMs, nowMs);
  const base = `${throttleBase(subject, prefix)}:rl:${windowMs}`;
  return { current: `${base}:${index}`, previous: `${base}:${index - 1}`, elapsedMs };
}

/** A throttle's run of failures and its lock (the lock is also checked by every attempt). */
export function lockoutKeys(subject: string, prefix = "") {
  const base = throttleBase(subject, prefix);
  return { failures: `${base}:fails`, lock: `${base}:lock` };
}

/** The key that remembers a spent one-time token. */
export const onceKey = (token: string, prefix = "") => `${prefix}once:{${tagOf(token)}}`;
