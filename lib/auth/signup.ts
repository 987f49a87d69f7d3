import "server-only";
import type { z } from "zod";
import { canonicalEmail } from "@/lib/auth/email";
import { isUniqueViolation, type Db } from "@/lib/db";
import type { Engine } from "@/lib/engine/engine";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { signUpBusy } from "./busy-shed";
import { spendSolution } from "./challenge";
import { NO_SLOT, passwordHashSlots } from "./hash-slots";
import { hashPassword } from "./password";
import type { signupSchema } from "./schemas";
import { checkSignupRate } from "./throttle";

type SignupInput = z.infer<typeof signupSchema>;

/**
 * POST /api/auth/signup after its body is valid: a password hash slot (503 UNAVAILABLE with
 * Retry-After when none is free), the address's sign-up limit (429), then the proof of work
 * (400 CHALLENGE_FAILED, spent once), then the account, unique per mailbox (409). The slot comes
 * first so that a busy answer neither counts against the limit nor spends the solution.
 */
export async function signUpRequest(svc: { db: Db; engine: Engine }, input: SignupInput, ip: string) {
  const passwordHash = await inHashSlot(async () => {
    await checkSignupRate(svc.engine.throttles, ip);
    if (env.SIGNUP_CHALLENGE === "on") await spendSolution(svc.engine.tokens, input.altcha);
    return hashPassword(input.password);
  });
  return createAccount(svc.db, input, passwordHash);
}

export async function signUp(db: Db, input: Omit<SignupInput, "altcha">) {
  return createAccount(db, input, await inHashSlot(() => hashPassword(input.password)));
}

async function inHashSlot<T>(work: () => Promise<T>): Promise<T> {
  const result = await passwordHashSlots.run(work);
  if (result === NO_SLOT) throw signUpBusy();
  return result;
}

async function createAccount(db: Db, input: Omit<SignupInput, "altcha">, passwordHash: string) {
  const emailCanonical = canonicalEmail(input.email, env.EMAIL_CANONICAL_DOMAINS);
  try {
    // The unique indexes on email and its canonical form decide; no "look up, then insert" race.
    const user = await db.user.create({ data: { email: input.email, emailCanonical, name: input.name ?? null, passwordHash } });
    return { id: user.id, email: user.email, name: user.name };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError("EMAIL_TAKEN", "An account with this email already exists.", {
        fields: { email: ["Already registered."] },
      });
    }
    throw error;
  }
}
