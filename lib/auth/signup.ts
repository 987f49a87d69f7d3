import "server-only";
import type { z } from "zod";
import { isUniqueViolation, type Db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { hashPassword } from "./password";
import type { signupSchema } from "./schemas";

export async function signUp(db: Db, input: z.infer<typeof signupSchema>) {
  const passwordHash = await hashPassword(input.password);
  try {
    // The unique index on email decides; no "look up, then insert" race.
    const user = await db.user.create({ data: { email: input.email, name: input.name ?? null, passwordHash } });
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
