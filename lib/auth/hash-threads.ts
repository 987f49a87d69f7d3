import "server-only";
import path from "node:path";
import { Piscina } from "piscina";
import { env } from "@/lib/env";
import { processState } from "@/lib/process-state";

// Password hashes run on worker threads of the lowest CPU priority (nice 19, Linux; elsewhere
// the priority stays as it is). A hash takes a core for its whole run, and on a box the claims
// keep busy, a hash at normal priority takes that core from them: measured in bench scenario (h),
// the claims' p99 rose 4.5x while people signed in. At the lowest priority the scheduler runs a
// hash on whatever CPU the claims leave idle: sign-ins go at the KDF's full rate on a quiet box
// and slow down, never the claims, on a busy one (lib/auth/hash-slots.ts caps how many wait).
// piscina runs the pool; its `niceIncrement` lowers each worker thread's priority.

const LOWEST_PRIORITY = 19;

/** One thread per hash slot (PASSWORD_HASH_CONCURRENCY), started on first use and kept. */
const pool = () =>
  processState(
    "auth/hash-threads",
    () =>
      new Piscina({
        // Loaded by path, not bundled: the app runs from its root (npm start, npm run dev, tests).
        filename: path.join(process.cwd(), "lib/auth/hash-worker.cjs"),
        minThreads: env.PASSWORD_HASH_CONCURRENCY,
        maxThreads: env.PASSWORD_HASH_CONCURRENCY,
        idleTimeout: Number.POSITIVE_INFINITY,
        niceIncrement: LOWEST_PRIORITY,
      }),
  );

export const argon2HashOnThread = (password: string, options: object): Promise<string> =>
  pool().run({ password, options }, { name: "argon2Hash" });

export const argon2VerifyOnThread = (stored: string, password: string): Promise<boolean> =>
  pool().run({ stored, password }, { name: "argon2Verify" });

export async function scryptKeyOnThread(password: string, salt: Buffer, keyLength: number, options: object): Promise<Buffer> {
  const key = (await pool().run({ password, salt, keyLength, options }, { name: "scryptKey" })) as Uint8Array;
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength);
}
