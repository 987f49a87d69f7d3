// Sign-up and sign-in against the real route handlers, PostgreSQL and Redis: the proof of work,
// one account per mailbox, the sign-up limit per address, the sign-in lockout, hash upgrades.
import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import * as challengeRoute from "@/app/api/auth/challenge/route";
import * as signup from "@/app/api/auth/signup/route";
import { newChallenge } from "@/lib/auth/challenge";
import { hashPassword, PASSWORD_COST, verifyPassword } from "@/lib/auth/password";
import { answeredRefusal } from "@/lib/auth/refusals";
import { checkCredentials, authorizeCredentials } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { services } from "@/lib/services";
import { solveSignupChallenge } from "@/tests/support/challenge";
import { call, uid } from "@/tests/support/fixtures";

const db = getDb();
const PASSWORD = "a-good-password";

// A fresh client address per call unless a test says otherwise (IPv6 documentation range).
const address = () =>
  `2001:db8:${randomBytes(6)
    .toString("hex")
    .replace(/(.{4})(?!$)/g, "$1:")}::1`;
const solved = async () => solveSignupChallenge((await call(challengeRoute.GET)).json);

function signUp(body: Record<string, unknown>, ip = address()) {
  return call(signup.POST, { method: "POST", body, address: ip });
}

function expectError(res: { status: number; json: { error?: unknown; message?: unknown } }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.json).toMatchObject({ error: code });
  expect(typeof res.json.message).toBe("string");
}

/**
 * The credentials check next-auth's authorize runs (its App Router handler needs Next's request
 * scope, so the HTTP round trip is covered by e2e/signup.spec.ts and the refusal mapping below).
 */
const signIn = (email: string, password: string, ip = address()) => checkCredentials(services(), { email, password }, ip);

describe("the sign-up proof of work", () => {
  it("GET /api/auth/challenge hands out a fresh, signed challenge that no cache keeps", async () => {
    const a = await call(challengeRoute.GET);
    const b = await call(challengeRoute.GET);
    expect(a.status).toBe(200);
    expect(a.headers.get("cache-control")).toBe("no-store");
    expect(a.json).toMatchObject({
      parameters: { algorithm: "PBKDF2/SHA-256", nonce: expect.any(String), expiresAt: expect.any(Number) },
      signature: expect.any(String),
    });
    expect(a.json.signature).not.toBe(b.json.signature);
  });

  it("signs up with a solution, once: reused, missing, forged or malformed solutions are 400 CHALLENGE_FAILED", async () => {
    const altcha = await solved();
    const ok = await signUp({ email: `pow-${uid()}@example.test`, password: PASSWORD, altcha });
    expect(ok.status).toBe(201);
    expectError(await signUp({ email: `pow-${uid()}@example.test`, password: PASSWORD, altcha }), 400, "CHALLENGE_FAILED");
    expectError(await signUp({ email: `pow-${uid()}@example.test`, password: PASSWORD }), 400, "CHALLENGE_FAILED");

    const payload = JSON.parse(Buffer.from(await solved(), "base64").toString());
    const reencode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64");
    const forged = [
      // Another counter than the one found.
      reencode({
        ...payload,
        solution: { ...payload.solution, counter: payload.solution.counter + 1, derivedKey: "00".repeat(32) },
      }),
      // A cheaper challenge than the server signed.
      reencode({
        ...payload,
        challenge: { ...payload.challenge, parameters: { ...payload.challenge.parameters, keyPrefix: "0" } },
      }),
      // The widget's test mode.
      reencode({ challenge: null, solution: null, test: true }),
      "not base64 at all!",
      reencode([1, 2, 3]),
    ];
    for (const bad of forged) {
      expectError(await signUp({ email: `pow-${uid()}@example.test`, password: PASSWORD, altcha: bad }), 400, "CHALLENGE_FAILED");
    }
    // The untouched solution still works: the refused forgeries spent nothing.
    expect((await signUp({ email: `pow-${uid()}@example.test`, password: PASSWORD, altcha: reencode(payload) })).status).toBe(
      201,
    );
  });

  it("refuses an expired challenge", async () => {
    const now = Date.now();
    const spy = vi.spyOn(Date, "now").mockReturnValue(now - 21 * 60_000);
    const old = await newChallenge();
    spy.mockRestore();
    const altcha = await solveSignupChallenge(old);
    const res = await signUp({ email: `old-${uid()}@example.test`, password: PASSWORD, altcha });
    expectError(res, 400, "CHALLENGE_FAILED");
    expect(res.json.message).toMatch(/expired/);
  });
});

describe("one account per mailbox", () => {
  it("answers 409 EMAIL_TAKEN for an alias of an existing account and stores the canonical form", async () => {
    const mailbox = `john${uid()}`;
    const first = await signUp({
      email: `  ${mailbox.slice(0, 3)}.${mailbox.slice(3)}+drops@Gmail.com `,
      password: PASSWORD,
      altcha: await solved(),
    });
    expect(first.status).toBe(201);
    const row = await db.user.findUniqueOrThrow({ where: { id: first.json.user.id } });
    expect(row.email).toBe(`${mailbox.slice(0, 3)}.${mailbox.slice(3)}+drops@gmail.com`);
    expect(row.emailCanonical).toBe(`${mailbox}@gmail.com`);
    for (const alias of [
      `${mailbox}@gmail.com`,
      `${mailbox.toUpperCase()}@GOOGLEMAIL.COM`,
      `${mailbox.split("").join(".")}+x@gmail.com`,
    ]) {
      expectError(await signUp({ email: alias, password: PASSWORD, altcha: await solved() }), 409, "EMAIL_TAKEN");
    }
    // Elsewhere dots and tags are part of the address.
    expect((await signUp({ email: `${mailbox}@example.test`, password: PASSWORD, altcha: await solved() })).status).toBe(201);
    expect((await signUp({ email: `${mailbox}+x@example.test`, password: PASSWORD, altcha: await solved() })).status).toBe(201);
  });

  it("signs in by any alias of the mailbox", async () => {
    const mailbox = `ana${uid()}`;
    expect((await signUp({ email: `${mailbox}@gmail.com`, password: PASSWORD, altcha: await solved() })).status).toBe(201);
    const res = await signIn(`${mailbox.slice(0, 2)}.${mailbox.slice(2)}+shop@googlemail.com`, PASSWORD);
    expect(res).toMatchObject({ kind: "OK", user: { email: `${mailbox}@gmail.com` } });
  });

  it("lets accounts that shared a mailbox before the migration sign in with their own address", async () => {
    const mailbox = `old${uid()}`;
    const passwordHash = await hashPassword(PASSWORD);
    const other = await hashPassword("another-password");
    await db.user.create({
      data: { email: `${mailbox}@gmail.com`, emailCanonical: `${mailbox}@gmail.com`, passwordHash: other },
    });
    const dotted = `${mailbox.slice(0, 1)}.${mailbox.slice(1)}@gmail.com`;
    await db.user.create({ data: { email: dotted, emailCanonical: dotted, passwordHash } });
    expect(await signIn(dotted, PASSWORD)).toMatchObject({ kind: "OK", user: { email: dotted } });
    expect(await signIn(`${mailbox}@gmail.com`, "another-password")).toMatchObject({
      kind: "OK",
      user: { email: `${mailbox}@gmail.com` },
    });
  });
});

describe("throttling", () => {
  it("refuses a thousand scripted sign-ups from one address after the limit, with 429 RATE_LIMITED and Retry-After", async () => {
    const ip = address();
    const answers = [];
    // The first attempts carry real solutions: past the limit even a valid one is refused.
    for (let i = 0; i < 6; i++)
      answers.push(await signUp({ email: `farm-${uid()}@example.test`, password: PASSWORD, altcha: await solved() }, ip));
    for (let i = 6; i < 1_000; i++)
      answers.push(await signUp({ email: `farm-${uid()}@example.test`, password: PASSWORD, altcha: "x" }, ip));
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    for (const refused of answers.slice(5)) expectError(refused, 429, "RATE_LIMITED");
    const retryAfter = Number(answers[999].headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(60);
    expect(retryAfter).toBeLessThanOrEqual(3_600);
    // Another address is not affected.
    expect((await signUp({ email: `farm-${uid()}@example.test`, password: PASSWORD, altcha: await solved() })).status).toBe(201);
  });

  it("locks an email after repeated wrong passwords; during the lock the right password is refused too", async () => {
    const email = `guess-${uid()}@example.test`;
    expect((await signUp({ email, password: PASSWORD, altcha: await solved() })).status).toBe(201);
    // From a new address each time: the per-email lock decides, not the per-address limit.
    for (let i = 0; i < 4; i++) expect(await signIn(email, `wrong-password-${i}`)).toEqual({ kind: "INVALID" });
    // The fifth failure locks the email for SIGNIN_LOCKOUT_BASE_S (60 s by default).
    expect(await signIn(email, "wrong-password-5")).toEqual({ kind: "THROTTLED", retryAfterMs: 60_000 });
    const right = await signIn(email, PASSWORD);
    expect(right).toEqual({ kind: "THROTTLED", retryAfterMs: expect.any(Number) });
    expect(right.kind === "THROTTLED" && right.retryAfterMs).toBeGreaterThan(50_000);
    // Any alias of the address is the same email; next-auth's authorize throws the throttled answer.
    expect(await signIn(email.toUpperCase(), PASSWORD)).toMatchObject({ kind: "THROTTLED" });
    await expect(authorizeCredentials({ email, password: PASSWORD }, address())).rejects.toThrow(/^RATE_LIMITED:\d+$/);
    // Another account is not affected.
    const other = `other-${uid()}@example.test`;
    expect((await signUp({ email: other, password: PASSWORD, altcha: await solved() })).status).toBe(201);
    expect(await authorizeCredentials({ email: other, password: PASSWORD }, address())).toMatchObject({
      email: other,
      role: "USER",
    });
  });

  it("grows the lock with each further failure", async () => {
    const email = `grow-${uid()}@example.test`;
    const throttles = services().engine.throttles;
    const { lockoutPolicy } = await import("@/lib/auth/throttle");
    const subject = `signin:email:${email}`;
    const locks = [];
    for (let i = 0; i < 9; i++) locks.push(await throttles.recordFailure(subject, lockoutPolicy()));
    // 5 failures -> 1 min, doubling up to 1 h.
    expect(locks).toEqual([0, 0, 0, 0, 60_000, 120_000, 240_000, 480_000, 960_000]);
    for (let i = 0; i < 4; i++) await throttles.recordFailure(subject, lockoutPolicy());
    expect(await throttles.recordFailure(subject, lockoutPolicy())).toBe(3_600_000);
    expect(await signIn(email, PASSWORD)).toMatchObject({ kind: "THROTTLED" });
  });

  it("treats an unknown email exactly like a known one: same answer, and the same lock", async () => {
    const unknown = `nobody-${uid()}@example.test`;
    for (let i = 0; i < 4; i++) expect(await signIn(unknown, PASSWORD)).toEqual({ kind: "INVALID" });
    expect(await signIn(unknown, PASSWORD)).toEqual({ kind: "THROTTLED", retryAfterMs: 60_000 });
  });

  it("limits sign-in attempts per address", async () => {
    const ip = address();
    // The windows are named by the app's clock: held still, the count cannot slide meanwhile.
    const clock = vi.spyOn(Date, "now").mockReturnValue(Math.floor(Date.now() / 60_000) * 60_000 + 1_000);
    try {
      // Each of these tries another (unknown) email; the tests allow 10 a minute (worker-env.ts).
      const { limit } = env.SIGNIN_RATE_LIMIT_IP;
      expect(limit).toBe(10);
      // One after another: ten scrypt runs at once (128 MiB each) would starve the parallel test files.
      const answers = [];
      for (let i = 0; i < limit; i++) answers.push(await signIn(`spray-${uid()}@example.test`, PASSWORD, ip));
      expect(answers).toEqual(Array.from({ length: limit }, () => ({ kind: "INVALID" })));
      expect(await signIn(`spray-${uid()}@example.test`, PASSWORD, ip)).toEqual({ kind: "THROTTLED", retryAfterMs: 59_000 });
      expect(await signIn(`spray-${uid()}@example.test`, PASSWORD)).toEqual({ kind: "INVALID" });
    } finally {
      clock.mockRestore();
    }
  }, 120_000);

  it("answers a throttled sign-in through next-auth as 429 RATE_LIMITED with Retry-After, keeping next-auth's url", async () => {
    const url = "http://localhost:3000/api/auth/error?error=RATE_LIMITED%3A90";
    const nextAuthAnswer = Response.json({ url }, { status: 401 });
    const res = await answeredRefusal(nextAuthAnswer, "/api/auth/callback/credentials");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("90");
    expect(await res.json()).toEqual({ error: "RATE_LIMITED", message: "Too many attempts, try again in 2 minutes.", url });
    const wrong = await answeredRefusal(
      Response.json({ url: "http://localhost:3000/api/auth/error?error=CredentialsSignin" }, { status: 401 }),
      "/x",
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: "UNAUTHENTICATED" });
  });
});

describe("password hashes", () => {
  it("upgrades a scrypt hash of before to Argon2id on the next successful sign-in", async () => {
    const email = `legacy-${uid()}@example.test`;
    const { scryptSync, randomBytes } = await import("node:crypto");
    const salt = randomBytes(16);
    const key = scryptSync(PASSWORD.normalize("NFKC"), salt, 32, { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const legacy = ["scrypt", 16384, 8, 1, salt.toString("base64"), key.toString("base64")].join("$");
    const user = await db.user.create({ data: { email, emailCanonical: email, passwordHash: legacy } });
    expect(await signIn(email, "not-the-password")).toEqual({ kind: "INVALID" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(legacy);
    expect(await signIn(email, PASSWORD)).toMatchObject({ kind: "OK" });
    const upgraded = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    const { memoryCost, timeCost, parallelism } = PASSWORD_COST;
    expect(upgraded.split("$").slice(0, 4)).toEqual(["", "argon2id", "v=19", `m=${memoryCost},t=${timeCost},p=${parallelism}`]);
    expect(await verifyPassword(PASSWORD, upgraded)).toBe(true);
    expect(await signIn(email, PASSWORD)).toMatchObject({ kind: "OK" });
    // Upgraded once: today's hash is kept.
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(upgraded);
  });
});
