// Pure rules of sign-up and sign-in: canonical emails, the sign-in page's wording, the local
// secret file, password cost, the environment's secret requirement, RATE_LIMIT=off.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { canonicalEmail, DEFAULT_DOTLESS_DOMAINS, parseDotlessDomains } from "@/lib/auth/email";
import { MIN_SECRET_LENGTH, readOrCreateLocalSecret } from "@/lib/auth/local-secret";
import { dummyHash, hashPassword, needsRehash, PASSWORD_COST, verifyPassword } from "@/lib/auth/password";
import { signInErrorMessage, throttledSeconds, throttledSignInError } from "@/lib/auth/signin-error";
import type { Throttles } from "@/lib/engine/throttles/throttles";

describe("canonicalEmail", () => {
  const gmail = parseDotlessDomains(DEFAULT_DOTLESS_DOMAINS);

  it("trims and lower-cases every address", () => {
    expect(canonicalEmail("  Ada.Lovelace+Work@Example.COM \n", gmail)).toBe("ada.lovelace+work@example.com");
  });

  it("drops dots and +tags where the provider ignores them, and googlemail.com is gmail.com", () => {
    expect(canonicalEmail("Ada.Love.Lace+drops@gmail.com", gmail)).toBe("adalovelace@gmail.com");
    expect(canonicalEmail("a.d.a@GoogleMail.com", gmail)).toBe("ada@gmail.com");
    expect(canonicalEmail("ada+a+b@gmail.com", gmail)).toBe("ada@gmail.com");
    // Nothing left of the mailbox: kept as typed rather than invented.
    expect(canonicalEmail("+tag@gmail.com", gmail)).toBe("+tag@gmail.com");
    expect(canonicalEmail("ada@gmail.com.evil.test", gmail)).toBe("ada@gmail.com.evil.test");
  });

  it("takes its provider list from configuration", () => {
    const custom = parseDotlessDomains(" Fastmail.com , alias.test = fastmail.com,, ");
    expect([...custom]).toEqual([
      ["fastmail.com", "fastmail.com"],
      ["alias.test", "fastmail.com"],
    ]);
    expect(canonicalEmail("a.b+x@alias.test", custom)).toBe("ab@fastmail.com");
    expect(canonicalEmail("a.b+x@gmail.com", custom)).toBe("a.b+x@gmail.com");
  });
});

describe("the sign-in page's wording of next-auth's error", () => {
  it("says how many minutes to wait when throttled, rounded up", () => {
    expect(throttledSignInError(60_000)).toBe("RATE_LIMITED:60");
    expect(throttledSignInError(1)).toBe("RATE_LIMITED:1");
    expect(signInErrorMessage("RATE_LIMITED:60")).toBe("Too many attempts, try again in 1 minute.");
    expect(signInErrorMessage("RATE_LIMITED:61")).toBe("Too many attempts, try again in 2 minutes.");
    expect(signInErrorMessage("RATE_LIMITED:3600")).toBe("Too many attempts, try again in 60 minutes.");
    expect(signInErrorMessage("CredentialsSignin")).toBe("Wrong email or password.");
    expect(signInErrorMessage("RATE_LIMITED:abc")).toBe("Could not sign in. Please try again.");
    expect(throttledSeconds("xRATE_LIMITED:5")).toBeNull();
    expect(signInErrorMessage(undefined)).toBe("Could not sign in. Please try again.");
    expect(signInErrorMessage("UNAVAILABLE")).toBe("Sign-in is busy right now. Please try again in a moment.");
  });
});

describe("the local run's secret file", () => {
  const dir = () => mkdtempSync(path.join(tmpdir(), "auth-secret-"));

  it("is created once and then kept", () => {
    const file = path.join(dir(), "nested", "auth-secret");
    const first = readOrCreateLocalSecret(file);
    expect(first.generated).toBe(true);
    expect(first.secret.length).toBeGreaterThanOrEqual(MIN_SECRET_LENGTH);
    expect(readOrCreateLocalSecret(file)).toEqual({ secret: first.secret, generated: false });
  });

  it("is regenerated when empty or too short", () => {
    for (const content of ["", "   \n", "short-secret"]) {
      const file = path.join(dir(), "auth-secret");
      writeFileSync(file, content);
      const { secret, generated } = readOrCreateLocalSecret(file);
      expect(generated).toBe(true);
      expect(secret.length).toBeGreaterThanOrEqual(MIN_SECRET_LENGTH);
      expect(readFileSync(file, "utf8")).toBe(secret);
    }
  });
});

describe("password hashes", () => {
  it("use OWASP's Argon2id cost, verify, and flag cheaper ones and scrypt ones for an upgrade", async () => {
    expect(PASSWORD_COST).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const hash = await hashPassword("correct horse");
    expect(hash.split("$").slice(0, 4)).toEqual(["", "argon2id", "v=19", "m=19456,t=2,p=1"]);
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("wrong horse", hash)).toBe(false);
    // Each hash has its own salt.
    expect(await hashPassword("correct horse")).not.toBe(hash);
    expect(needsRehash(hash)).toBe(false);
    expect(needsRehash(hash.replace("m=19456,", "m=4096,"))).toBe(true);
    expect(needsRehash(hash.replace(",t=2,", ",t=1,"))).toBe(true);
    expect(needsRehash(hash.replace("$argon2id$", "$argon2i$"))).toBe(true);
    expect(needsRehash("garbage")).toBe(true);
    expect(await verifyPassword("x", "scrypt$NaN$8$1$a$b")).toBe(false);
    expect(await verifyPassword("correct horse", "$argon2id$v=19$m=19456,t=2,p=1$not-a-hash")).toBe(false);
  });

  it("still verify scrypt hashes of before, and flag every one of them for an upgrade", async () => {
    const { scryptSync, randomBytes } = await import("node:crypto");
    const salt = randomBytes(16);
    const key = scryptSync("correct horse", salt, 32, { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const scrypt = ["scrypt", 16384, 8, 1, salt.toString("base64"), key.toString("base64")].join("$");
    expect(await verifyPassword("correct horse", scrypt)).toBe(true);
    expect(await verifyPassword("wrong horse", scrypt)).toBe(false);
    expect(needsRehash(scrypt)).toBe(true);
    expect(needsRehash(scrypt.replace("$16384$", "$131072$"))).toBe(true);
  });

  it("check unknown emails against a dummy hash of today's cost", async () => {
    const dummy = await dummyHash();
    expect(needsRehash(dummy)).toBe(false);
    expect(await dummyHash()).toBe(dummy);
    expect(await verifyPassword("a-good-password", dummy)).toBe(false);
  });
});

describe("environment", () => {
  async function parse(vars: Record<string, string | undefined>) {
    vi.resetModules();
    const saved = { ...process.env };
    Object.assign(process.env, vars);
    for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k];
    try {
      return await import("@/lib/env");
    } finally {
      process.env = saved;
    }
  }

  it("requires NEXTAUTH_SECRET of at least 32 characters whenever DATABASE_URL is set", async () => {
    await expect(parse({ NEXTAUTH_SECRET: undefined })).rejects.toThrow(/NEXTAUTH_SECRET: required/);
    await expect(parse({ NEXTAUTH_SECRET: "x".repeat(31) })).rejects.toThrow(/NEXTAUTH_SECRET: must be at least 32/);
    await expect(parse({ NEXTAUTH_SECRET: "x".repeat(32) })).resolves.toBeDefined();
    await expect(parse({ DATABASE_URL: undefined, NEXTAUTH_SECRET: undefined })).resolves.toBeDefined();
  });

  it("reads the throttles, the challenge switch and the provider list", async () => {
    const { env } = await parse({
      SIGNUP_RATE_LIMIT: "3/2h",
      SIGNIN_RATE_LIMIT_EMAIL: "4/1m",
      SIGNUP_CHALLENGE: "off",
      EMAIL_CANONICAL_DOMAINS: "example.test",
    });
    expect(env.SIGNUP_RATE_LIMIT).toEqual({ limit: 3, windowMs: 7_200_000 });
    expect(env.SIGNIN_RATE_LIMIT_EMAIL).toEqual({ limit: 4, windowMs: 60_000 });
    expect(env.SIGNUP_CHALLENGE).toBe("off");
    expect([...env.EMAIL_CANONICAL_DOMAINS.keys()]).toEqual(["example.test"]);
    await expect(parse({ SIGNIN_LOCKOUT_BASE_S: "600", SIGNIN_LOCKOUT_MAX_S: "60" })).rejects.toThrow(/SIGNIN_LOCKOUT_MAX_S/);
  });

  it("RATE_LIMIT=off turns the sign-up and sign-in throttles off", async () => {
    vi.resetModules();
    process.env.RATE_LIMIT = "off";
    try {
      const throttle = await import("@/lib/auth/throttle");
      const engine = { attempt: vi.fn(async () => 60_000), recordFailure: vi.fn(async () => 60_000), clearFailures: vi.fn() };
      const throttles = engine as unknown as Throttles;
      await expect(throttle.checkSignupRate(throttles, "1.2.3.4")).resolves.toBeUndefined();
      expect(await throttle.signInWait(throttles, "1.2.3.4", "a@b.test")).toBe(0);
      expect(await throttle.signInFailed(throttles, "a@b.test")).toBe(0);
      expect(engine.attempt).not.toHaveBeenCalled();
      expect(engine.recordFailure).not.toHaveBeenCalled();
    } finally {
      delete process.env.RATE_LIMIT;
      vi.resetModules();
    }
  });
});
