import "server-only";
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { processState } from "@/lib/process-state";

// scrypt from node:crypto: a slow, memory-hard KDF with no native build step.
// Stored as scrypt$N$r$p$salt$hash so the cost can be raised later without breaking old hashes.
// OWASP's Password Storage Cheat Sheet: scrypt N=2^17, r=8, p=1 (128 MiB, ~0.3 s on one core here).
export const PASSWORD_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: Required<Pick<ScryptOptions, "N" | "r" | "p">>): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; Node refuses past maxmem (default 32 MiB), so allow twice that.
  const maxmem = 256 * options.N * options.r;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { ...options, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PASSWORD_COST);
  return ["scrypt", PASSWORD_COST.N, PASSWORD_COST.r, PASSWORD_COST.p, salt.toString("base64"), key.toString("base64")].join("$");
}

function parse(stored: string) {
  const [kind, N, r, p, salt, hash] = stored.split("$");
  if (kind !== "scrypt" || !salt || !hash) return null;
  const cost = { N: Number(N), r: Number(r), p: Number(p) };
  return Object.values(cost).every((n) => Number.isSafeInteger(n) && n > 0) ? { cost, salt, hash } : null;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const expected = Buffer.from(parsed.hash, "base64");
  const key = await derive(password, Buffer.from(parsed.salt, "base64"), parsed.cost);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash made with a lower cost than today's: rehash it the next time its password is known. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  const { N, r, p } = parsed.cost;
  return N < PASSWORD_COST.N || r < PASSWORD_COST.r || p < PASSWORD_COST.p;
}

/**
 * A hash of nobody's password at today's cost: an unknown email is checked against it, so it
 * costs the same time as a known one and the answer's timing does not tell which emails exist.
 */
export function dummyHash(): Promise<string> {
  return processState("auth/password:dummy", () => hashPassword(randomBytes(16).toString("base64url")));
}
