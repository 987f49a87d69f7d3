// The per-process cap on password hashes (lib/auth/hash-slots.ts): sign-in and sign-up answer
// 503 UNAVAILABLE with Retry-After once every slot and waiting place is taken. The tests hold the
// slots themselves, so the cap is reached without any timing.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as challengeRoute from "@/app/api/auth/challenge/route";
import * as signup from "@/app/api/auth/signup/route";
import { shedBusyPasswordRequest } from "@/lib/auth/busy-shed";
import { HashSlots, passwordHashSlots } from "@/lib/auth/hash-slots";
import { hashPassword } from "@/lib/auth/password";
import { answeredRefusal } from "@/lib/auth/refusals";
import { authorizeCredentials, checkCredentials } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { services } from "@/lib/services";
import { solveSignupChallenge } from "@/tests/support/challenge";
import { call, uid } from "@/tests/support/fixtures";

const db = getDb();
const PASSWORD = "a-good-password";
const address = () => `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}::1`;
const signIn = (email: string, password: string, ip = address()) => checkCredentials(services(), { email, password }, ip);

describe("HashSlots", () => {
  it("with one slot and one waiting place: a second caller waits, a third is refused, the slot passes in order", async () => {
    const slots = new HashSlots(1, 1);
    const first = await slots.acquire();
    expect(first).toBeTypeOf("function");
    expect(slots.full).toBe(false);
    let second: (() => void) | null | undefined;
    const secondWaits = slots.acquire().then((release) => (second = release));
    expect(slots.full).toBe(true);
    expect(await slots.acquire()).toBeNull();
    await Promise.resolve();
    expect(second).toBeUndefined();
    first!();
    // Releasing twice frees nothing more.
    first!();
    await secondWaits;
    expect(second).toBeTypeOf("function");
    expect(slots.full).toBe(false);
    let third: (() => void) | null | undefined;
    const thirdWaits = slots.acquire().then((release) => (third = release));
    expect(slots.full).toBe(true);
    second!();
    await thirdWaits;
    expect(third).toBeTypeOf("function");
    third!();
    // Every slot given back: the next caller has one at once.
    expect(slots.full).toBe(false);
    const again = await slots.acquire();
    expect(again).toBeTypeOf("function");
    again!();
  });

  it("run gives NO_SLOT without running the work when full, and frees its slot when the work throws", async () => {
    const slots = new HashSlots(1, 0);
    await expect(slots.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    const held = await slots.acquire();
    let ran = false;
    const refused = await slots.run(async () => (ran = true));
    expect(typeof refused).toBe("symbol");
    expect(ran).toBe(false);
    held!();
    expect(await slots.run(async () => "done")).toBe("done");
  });
});

describe("the password hash cap (PASSWORD_HASH_CONCURRENCY)", () => {
  let held: Array<() => void> = [];
  let waiting: Array<Promise<(() => void) | null>> = [];

  /** Takes every slot and every waiting place of the process's cap. */
  async function fillTheCap() {
    expect(passwordHashSlots.concurrency).toBe(env.PASSWORD_HASH_CONCURRENCY);
    for (let i = 0; i < passwordHashSlots.concurrency; i++) held.push((await passwordHashSlots.acquire())!);
    for (let i = 0; i < passwordHashSlots.waitingRoom; i++) waiting.push(passwordHashSlots.acquire());
    expect(passwordHashSlots.full).toBe(true);
  }

  /** Gives back everything fillTheCap took (the waiting places get their slots and give them back too). */
  async function freeTheCap() {
    for (const release of held) release();
    for (const release of await Promise.all(waiting)) release?.();
    held = [];
    waiting = [];
  }

  afterEach(async () => {
    await freeTheCap();
    expect(passwordHashSlots.full).toBe(false);
  });

  it("is one cap per process, whichever copy of the module asks (server.ts's bundle and Next's each hold one)", async () => {
    vi.resetModules();
    const otherCopy = await import("@/lib/auth/hash-slots");
    expect(otherCopy.passwordHashSlots).toBe(passwordHashSlots);
    await fillTheCap();
    // The slots were made by the first copy; the second must still recognise their refusal.
    expect(await otherCopy.passwordHashSlots.run(async () => "ran")).toBe(otherCopy.NO_SLOT);
  });

  it("answers a sign-in BUSY, for a known and an unknown email alike, and next-auth's refusal is 503 UNAVAILABLE with Retry-After", async () => {
    const email = `busy-${uid()}@example.test`;
    await db.user.create({ data: { email, emailCanonical: email, passwordHash: await hashPassword(PASSWORD) } });
    await fillTheCap();
    expect(await signIn(email, PASSWORD)).toEqual({ kind: "BUSY" });
    expect(await signIn(`nobody-${uid()}@example.test`, PASSWORD)).toEqual({ kind: "BUSY" });
    await expect(authorizeCredentials({ email, password: PASSWORD }, address())).rejects.toThrow(/^UNAVAILABLE$/);

    // What next-auth answers POST /api/auth/callback/credentials with, after authorize threw that.
    const url = "http://localhost:3000/api/auth/error?error=UNAVAILABLE";
    const res = await answeredRefusal(Response.json({ url }, { status: 401 }), "/api/auth/callback/credentials");
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await res.json()).toMatchObject({ error: "UNAVAILABLE", message: expect.any(String), url });

    // Once the cap is free the same sign-in goes through.
    await freeTheCap();
    expect(await signIn(email, PASSWORD)).toMatchObject({ kind: "OK", user: { email } });
  });

  it("does not count busy answers toward the lockout; wrong passwords still lock as before", async () => {
    const email = `busy-lock-${uid()}@example.test`;
    await db.user.create({ data: { email, emailCanonical: email, passwordHash: await hashPassword(PASSWORD) } });
    await fillTheCap();
    for (let i = 0; i < env.SIGNIN_LOCKOUT_AFTER + 2; i++)
      expect(await signIn(email, `wrong-password-${i}`)).toEqual({ kind: "BUSY" });
    await freeTheCap();
    for (let i = 0; i < env.SIGNIN_LOCKOUT_AFTER - 1; i++)
      expect(await signIn(email, `wrong-password-${i}`)).toEqual({ kind: "INVALID" });
    expect(await signIn(email, "wrong-password-last")).toEqual({
      kind: "THROTTLED",
      retryAfterMs: env.SIGNIN_LOCKOUT_BASE_S * 1_000,
    });
  });

  it("answers POST /api/auth/signup 503 UNAVAILABLE with Retry-After, without spending the proof of work", async () => {
    const ip = address();
    const altcha = await solveSignupChallenge((await call(challengeRoute.GET)).json);
    const body = { email: `busy-signup-${uid()}@example.test`, password: PASSWORD, altcha };
    await fillTheCap();
    const busy = await call(signup.POST, { method: "POST", body, address: ip });
    expect(busy.status).toBe(503);
    expect(busy.json).toMatchObject({ error: "UNAVAILABLE", message: expect.any(String) });
    expect(Number(busy.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await db.user.findUnique({ where: { email: body.email } })).toBeNull();

    // The cap frees up: the same request, with the same solution, now makes the account.
    await freeTheCap();
    const ok = await call(signup.POST, { method: "POST", body, address: ip });
    expect(ok.status).toBe(201);
    expect((await db.user.findUniqueOrThrow({ where: { email: body.email } })).passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("has the production server answer sign-ins and sign-ups 503 itself, before Next, only while the cap is full", async () => {
    // server.ts's order: the shed first, everything else to Next (here: 204).
    const server: Server = createServer((req, res) => {
      if (shedBusyPasswordRequest(req, res)) return;
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const post = (path: string) =>
      fetch(`${base}${path}`, {
        method: "POST",
        body: "email=a%40b.test&password=x",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
    try {
      expect((await post("/api/auth/callback/credentials")).status).toBe(204);
      await fillTheCap();
      const signIn = await post("/api/auth/callback/credentials?x=1");
      expect(signIn.status).toBe(503);
      expect(Number(signIn.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      const body = await signIn.json();
      expect(body).toMatchObject({ error: "UNAVAILABLE", message: expect.any(String) });
      // next-auth's client reads the error from the url, as from the route handler's own refusal.
      expect(new URL(body.url).searchParams.get("error")).toBe("UNAVAILABLE");
      // The browser's own form post (no JavaScript yet) is sent back to the page with the code.
      const formPost = await fetch(`${base}/api/auth/callback/credentials`, {
        method: "POST",
        body: "email=a%40b.test&password=x",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html,application/xhtml+xml" },
        redirect: "manual",
      });
      expect(formPost.status).toBe(303);
      expect(formPost.headers.get("location")).toBe("/signin?error=UNAVAILABLE");
      const signUp = await post("/api/auth/signup");
      expect(signUp.status).toBe(503);
      expect(await signUp.json()).toMatchObject({ error: "UNAVAILABLE" });
      expect(Number(signUp.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      // Anything else still goes on.
      expect((await fetch(`${base}/api/auth/callback/credentials`)).status).toBe(204);
      expect((await post("/api/promotions/x/claim")).status).toBe(204);
      await freeTheCap();
      expect((await post("/api/auth/callback/credentials")).status).toBe(204);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
