import "server-only";
import { canonicalEmail } from "@/lib/auth/email";
import { SIGN_IN_UNAVAILABLE, throttledSignInError } from "@/lib/auth/signin-error";
import type { Db } from "@/lib/db";
import type { Engine } from "@/lib/engine/engine";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { services } from "@/lib/services";
import { assertCanSignIn, signInUser, type SignInUser } from "@/lib/sessions/jwt";
import { NO_SLOT, passwordHashSlots } from "./hash-slots";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "./password";
import { credentialsSchema } from "./schemas";
import { signInFailed, signInSucceeded, signInWait } from "./throttle";

export type SignInResult =
  | { kind: "OK"; user: SignInUser }
  | { kind: "INVALID" }
  | { kind: "THROTTLED"; retryAfterMs: number }
  /** Every password hash slot of this process is taken (lib/auth/hash-slots.ts): 503, try again. */
  | { kind: "BUSY" };

/**
 * The credentials check behind next-auth's authorize: throttles first (per address, per email,
 * the email's lockout: the right password is refused too while it lasts), then the password.
 * An unknown email is checked against a dummy hash and counts as a failure, so neither the time
 * taken nor the lockout tells which emails have accounts. The password check runs in one of the
 * process's hash slots; with none free the answer is BUSY, for known and unknown emails alike.
 */
export async function checkCredentials(svc: { db: Db; engine: Engine }, raw: unknown, ip: string): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return { kind: "INVALID" };
  const { email, password } = parsed.data;
  // The cheapest refusal first: in a storm most attempts end here, before any Redis or database
  // work, and uncounted by the throttles (a retry after Retry-After is not a second attempt).
  if (passwordHashSlots.full) return { kind: "BUSY" };
  const canonical = canonicalEmail(email, env.EMAIL_CANONICAL_DOMAINS);
  const waitMs = await signInWait(svc.engine.throttles, ip, canonical);
  if (waitMs > 0) return { kind: "THROTTLED", retryAfterMs: waitMs };

  const user = await findAccount(svc.db, email, canonical);
  const checked = await passwordHashSlots.run(async () => {
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    // Hashes from before today's algorithm or cost are upgraded now that the password is known.
    const upgrade = ok && user && needsRehash(user.passwordHash) ? await hashPassword(password) : null;
    return { ok, upgrade };
  });
  if (checked === NO_SLOT) return { kind: "BUSY" };
  const { ok, upgrade } = checked;
  if (!user || !ok) {
    const lockedMs = await signInFailed(svc.engine.throttles, canonical);
    return lockedMs > 0 ? { kind: "THROTTLED", retryAfterMs: lockedMs } : { kind: "INVALID" };
  }
  await signInSucceeded(svc.engine.throttles, canonical);
  if (upgrade) await svc.db.user.update({ where: { id: user.id }, data: { passwordHash: upgrade } });
  return { kind: "OK", user };
}

/**
 * The account of a mailbox, by any alias. An exact address wins: accounts that shared a mailbox
 * before canonical emails existed keep their own address (see the migration) and sign in with it.
 */
async function findAccount(db: Db, email: string, canonical: string) {
  const found = await db.user.findMany({ where: { OR: [{ email }, { emailCanonical: canonical }] }, take: 2 });
  return found.find((u) => u.email === email) ?? found[0] ?? null;
}

/**
 * next-auth's `authorize`: the user, or null for wrong credentials (its "CredentialsSignin"), or a
 * throw of "ACCOUNT_DISABLED", "RATE_LIMITED:<seconds>" or "UNAVAILABLE", which next-auth hands to
 * the page as its `error` and lib/auth/refusals.ts answers as 403, 429 with
 * Retry-After, or 503 with Retry-After.
 */
export async function authorizeCredentials(raw: unknown, ip: string) {
  let result: SignInResult;
  try {
    result = await checkCredentials(services(), raw, ip);
  } catch (error) {
    // next-auth would put the message (a host, a driver error) in the page's url.
    log("error", "sign-in check failed", { error });
    throw new Error(SIGN_IN_UNAVAILABLE);
  }
  if (result.kind === "THROTTLED") throw new Error(throttledSignInError(result.retryAfterMs));
  if (result.kind === "BUSY") throw new Error(SIGN_IN_UNAVAILABLE);
  if (result.kind !== "OK") return null;
  // Only the right password learns that an account is disabled.
  assertCanSignIn(result.user);
  return signInUser(result.user);
}
