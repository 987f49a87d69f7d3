// Password hashes run on worker threads of the lowest CPU priority (lib/auth/hash-threads.ts), so a
// sign-in storm takes only the CPU the claims leave idle. Read from Linux's per-thread stat files.
import { getPriority } from "node:os";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { threadNices } from "@/tests/support/thread-nices";

describe("password hash threads", () => {
  it("hash and verify on threads at nice 19, one per hash slot, the main thread's priority unchanged", async () => {
    const mainBefore = getPriority();
    expect(mainBefore).toBeLessThan(19); // else the check below could not tell
    const hash = await hashPassword("correct horse");
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    const nices = threadNices();
    expect([...nices.values()].filter((nice) => nice === 19)).toHaveLength(env.PASSWORD_HASH_CONCURRENCY);
    expect(nices.get(process.pid)).toBe(mainBefore);
    expect(getPriority()).toBe(mainBefore);
  });
});
