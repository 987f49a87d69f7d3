import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Algorithm } from "@node-rs/argon2";
import { processState } from "@/lib/process-state";
import { argon2HashOnThread, argon2VerifyOnThread, scryptKeyOnThread } from "./hash-threads";

// Argon2id, OWASP's first choice (Password Storage Cheat Sheet): m=19 MiB, t=2, p=1. As strong
// against guessing as its scrypt advice, at a fraction of the time: 18 ms a hash here against
// 611 ms for scrypt N=2^17, so a sign-in storm no longer takes the cores the claims need.
// @node-rs/argon2 computes it (prebuilt binaries, no build step; Node 20 has no crypto.argon2), on
// threads of the lowest priority (lib/auth/hash-threads.ts), as is scrypt for the old hashes.
// Stored in the PHC string format ($argon2id$v=19$m=19456,t=2,p=1$salt$hash), which carries its
// own parameters, so the cost can be raised later without breaking old hashes.
export const PASSWORD_COST = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
// A const enum of the package's types, which isolatedModules cannot read: its value, typed.
const ARGON2ID: Algorithm.Argon2id = 2;

// Hashes from before Argon2id: scrypt$N$r$p$salt$hash (node:crypto, N=2^17, r=8, p=1). They are
// still verified, and replaced by an Argon2id hash at the next sign-in (needsRehash).
const SCRYPT_KEY_LENGTH = 32;

export function hashPassword(password: string): Promise<string> {
  return argon2HashOnThread(password.normalize("NFKC"), { ...PASSWORD_COST, algorithm: ARGON2ID });
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith("$argon2id$")) return argon2VerifyOnThread(stored, password.normalize("NFKC"));
  const parsed = parseScrypt(stored);
  if (!parsed) return false;
  const expected = Buffer.from(parsed.hash, "base64");
  const key = await scryptKey(password, Buffer.from(parsed.salt, "base64"), parsed.cost);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash that is not Argon2id at today's cost (a scrypt one, a cheaper one): rehash it the next time its password is known. */
export function needsRehash(stored: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[^$]+\$[^$]+$/.exec(stored);
  if (!match) return true;
  const [m, t, p] = match.slice(1).map(Number);
  return m < PASSWORD_COST.memoryCost || t < PASSWORD_COST.timeCost || p < PASSWORD_COST.parallelism;
}

function parseScrypt(stored: string) {
  const [kind, N, r, p, salt, hash] = stored.split("$");
  if (kind !== "scrypt" || !salt || !hash) return null;
  const cost = { N: Number(N), r: Number(r), p: Number(p) };
  return Object.values(cost).every((n) => Number.isSafeInteger(n) && n > 0) ? { cost, salt, hash } : null;
}

function scryptKey(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; Node refuses past maxmem (default 32 MiB), so allow twice that.
  const maxmem = 256 * cost.N * cost.r;
  return scryptKeyOnThread(password.normalize("NFKC"), salt, SCRYPT_KEY_LENGTH, { ...cost, maxmem });
}

/**
 * A hash of nobody's password at today's cost: an unknown email is checked against it, so it
 * costs the same time as a known one and the answer's timing does not tell which emails exist.
 */
export function dummyHash(): Promise<string> {
  return processState("auth/password:dummy", () => hashPassword(randomBytes(16).toString("base64url")));
}
