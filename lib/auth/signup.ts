import "server-only";
import type { z } from "zod";
import { canonicalEmail } from "@/lib/auth/email";
import { isUniqueViolation, type Db } from "@/lib/db";
import type { Engine } from "@/lib/engine/engine";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { spendSolution } from "./challenge";
import { hashPassword } from "./password";
import type { signupSchema } from "./schemas";
import { checkSignupRate } from "./throttle";

type SignupInput = z.infer<typeof signupSchema>;

/**
 * POST /api/auth/signup after its body is valid: the address's sign-up limit (429), then the
 * proof of work (400 CHALLENGE_FAILED, spent once), then the account, unique per mailbox (409).
 */
export async function signUpRequest(svc: { db: Db; engine: Engine }, input: SignupInput, ip: string) {
  await checkSignupRate(svc.engine.throttles, ip);
  if (env.SIGNUP_CHALLENGE === "on") await spendSolution(svc.engine.tokens, input.altcha);
  return signUp(svc.db, input);
}

export async function signUp(db: Db, input: Omit<SignupInput, "altcha">) {
  const passwordHash = await hashPassword(input.password);
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
