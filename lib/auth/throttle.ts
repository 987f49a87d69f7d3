import "server-only";
import type { LockoutPolicy, Throttles } from "@/lib/engine/throttles/throttles";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";

// Sign-up and sign-in throttles, kept in the stock engine like the claim limits (so every
// instance shares them). RATE_LIMIT=off turns them all off (load tests).
const enabled = () => env.RATE_LIMIT !== "off";

const FORGET_FAILURES_MS = 24 * 3_600_000;

export const lockoutPolicy = (): LockoutPolicy => ({
  after: env.SIGNIN_LOCKOUT_AFTER,
  baseMs: env.SIGNIN_LOCKOUT_BASE_S * 1_000,
  maxMs: env.SIGNIN_LOCKOUT_MAX_S * 1_000,
  forgetMs: FORGET_FAILURES_MS,
});

/** Sign-ups per client address: 429 RATE_LIMITED with Retry-After past SIGNUP_RATE_LIMIT. */
export async function checkSignupRate(throttles: Throttles, ip: string, nowMs = Date.now()): Promise<void> {
  if (!enabled()) return;
  const waitMs = await throttles.attempt(`signup:ip:${ip}`, env.SIGNUP_RATE_LIMIT, nowMs);
  if (waitMs > 0) throw new DomainError("RATE_LIMITED", "Too many sign-ups from this address. Try again later.", {}, waitMs);
}

const emailSubject = (canonicalEmail: string) => `signin:email:${canonicalEmail}`;

/**
 * Sign-in attempts per address and per (canonical) email, and the email's lockout: 0 when this
 * attempt may go ahead (it is counted), else the ms to wait. Known and unknown emails alike.
 */
export async function signInWait(throttles: Throttles, ip: string, canonicalEmail: string, nowMs = Date.now()): Promise<number> {
  if (!enabled()) return 0;
  const byAddress = await throttles.attempt(`signin:ip:${ip}`, env.SIGNIN_RATE_LIMIT_IP, nowMs);
  if (byAddress > 0) return byAddress;
  return throttles.attempt(emailSubject(canonicalEmail), env.SIGNIN_RATE_LIMIT_EMAIL, nowMs);
}

/** A wrong password (or an unknown email): returns how long the email is now locked, or 0. */
export async function signInFailed(throttles: Throttles, canonicalEmail: string): Promise<number> {
  return enabled() ? throttles.recordFailure(emailSubject(canonicalEmail), lockoutPolicy()) : 0;
}

export async function signInSucceeded(throttles: Throttles, canonicalEmail: string): Promise<void> {
  if (enabled()) await throttles.clearFailures(emailSubject(canonicalEmail));
}
