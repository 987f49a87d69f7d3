import "server-only";
import { createHmac } from "node:crypto";
import { createChallenge, randomInt, verifySolution, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { z } from "zod";
import { authSecret } from "@/lib/auth/secret";
import type { OneTimeTokens } from "@/lib/engine/tokens/one-time-tokens";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";

// ALTCHA proof of work on sign-up (self-hosted: altcha-lib here, the altcha widget in the form).
// Deterministic mode: the server draws the counter the solver must reach and signs the key it
// derives to, so the solver tries counters 0, 1, 2, ... (each one PBKDF2 of ITERATIONS) while
// verifying costs the server one HMAC. Sizing: README, "Sign-up and sign-in".
const ALGORITHM = "PBKDF2/SHA-256";
export const ITERATIONS = 5_000;
export const CHALLENGE_TTL_MS = 20 * 60_000;

// Both HMAC keys are derived from the session secret (one secret to manage and rotate; rotating
// it only voids challenges handed out in the last 20 minutes). Separate labels keep the derived
// keys useless for anything else.
const keyFor = (label: string) => createHmac("sha256", authSecret()).update(`altcha:${label}`).digest("base64url");
const secrets = () => ({ hmacSignatureSecret: keyFor("challenge"), hmacKeySignatureSecret: keyFor("derived-key") });

/** A new challenge (ALTCHA's JSON) for GET /api/auth/challenge. */
export async function newChallenge(maxNumber = env.SIGNUP_CHALLENGE_MAX_NUMBER): Promise<Challenge> {
  return createChallenge({
    algorithm: ALGORITHM,
    cost: ITERATIONS,
    counter: randomInt(Math.ceil(maxNumber / 2), maxNumber),
    deriveKey,
    expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
    ...secrets(),
  });
}

// What the widget submits: base64 of {challenge: {parameters, signature}, solution}.
const payloadSchema = z.object({
  challenge: z.object({
    parameters: z
      .object({
        algorithm: z.literal(ALGORITHM),
        nonce: z.string().max(200),
        salt: z.string().max(200),
        cost: z.literal(ITERATIONS),
        keyLength: z.number().int().min(1).max(64),
        keyPrefix: z.string().max(200),
        keySignature: z.string().max(200).optional(),
        expiresAt: z.number(),
        data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
      })
      .loose(),
    signature: z.string().min(1).max(200),
  }),
  solution: z.object({
    counter: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
    derivedKey: z.string().max(200),
    time: z.number().optional(),
  }),
});

const failed = (message: string) => new DomainError("CHALLENGE_FAILED", message);

function decode(value: string) {
  try {
    return payloadSchema.parse(JSON.parse(Buffer.from(value, "base64").toString("utf8")));
  } catch {
    throw failed("The sign-up check is not valid. Reload the page and try again.");
  }
}

/**
 * Accepts a solved challenge once: it must be signed by this server, unexpired, solved, and not
 * spent before (spent ones are kept in the stock engine until they expire, on every instance).
 */
export async function spendSolution(tokens: OneTimeTokens, value: string | undefined, nowMs = Date.now()): Promise<void> {
  if (!value) throw failed("The sign-up check is missing. Reload the page and try again.");
  const payload = decode(value);
  const result = await verifySolution({ challenge: payload.challenge, solution: payload.solution, deriveKey, ...secrets() });
  if (result.expired) throw failed("The sign-up check expired. Try again.");
  if (!result.verified) throw failed("The sign-up check is not valid. Reload the page and try again.");
  const ttlMs = payload.challenge.parameters.expiresAt * 1_000 - nowMs;
  if (!(await tokens.firstUse(`altcha:${payload.challenge.signature}`, Math.max(1_000, ttlMs)))) {
    throw failed("This sign-up check was already used. Try again.");
  }
}
