// The production server's fast lane over real HTTP: the same answers as the route handlers.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAST_LANES } from "@/fast-lanes";
import { csrfCookieName, newCsrfCookie } from "@/lib/auth/csrf-cookie";
import { hashPassword } from "@/lib/auth/password";
import { authSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db";
import { fastLane } from "@/lib/http/fast-lane";
import { sessionUser } from "@/lib/sessions/cookie";
import { createPromotion, createUsers, sessionCookie, uid } from "@/tests/support/fixtures";

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    void fastLane(FAST_LANES, req, res).then((handled) => {
      if (!handled) res.writeHead(418).end("not in the fast lane");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("fast lane", () => {
  it("claims and reads stock exactly like the route handlers", async () => {
    const db = getDb();
    const promotion = await createPromotion(db, { totalStock: 2 });
    const [user] = await createUsers(db, 1);
    const cookie = await sessionCookie(user);

    const anonymous = await fetch(`${base}/api/promotions/${promotion.id}/claim`, { method: "POST" });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: "UNAUTHENTICATED" });

    const won = await fetch(`${base}/api/promotions/${promotion.id}/claim`, { method: "POST", headers: { cookie } });
    expect(won.status).toBe(201);
    expect(won.headers.get("x-request-id")).toBeTruthy();
    const body = await won.json();
    expect(body).toMatchObject({ remaining: 1, claim: { promotionId: promotion.id, status: "ISSUED" } });

    const again = await fetch(`${base}/api/promotions/${promotion.id}/claim`, { method: "POST", headers: { cookie } });
    expect(again.status).toBe(409);
    expect((await again.json()).claim).toEqual(body.claim);

    const stock = await fetch(`${base}/api/promotions/${promotion.id}/stock`);
    expect(await stock.json()).toMatchObject({ remaining: 1, totalStock: 2, status: "LIVE" });
  });

  it("counts the per-address limit by the socket's address: a forged X-Forwarded-For does not escape it", async () => {
    const db = getDb();
    const promotion = await createPromotion(db, { totalStock: 100 });
    const crowd = await createUsers(db, 9);
    const statuses: number[] = [];
    // The limit in tests is 8 per address in 10 s (tests/support/worker-env.ts); every request a
    // new person, each claiming to come from another address.
    for (const [i, person] of crowd.entries()) {
      const res = await fetch(`${base}/api/promotions/${promotion.id}/claim`, {
        method: "POST",
        headers: { cookie: await sessionCookie(person), "x-forwarded-for": `198.51.100.${i}, 203.0.113.${i}` },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(8).fill(201), 429]);
  });

  it("signs in with next-auth's answers: {url} and the session cookie, 401 for a wrong password, a 303 back to /signin for a form post, 413 for a huge body", async () => {
    const db = getDb();
    const email = `lane-${uid()}@example.test`;
    const user = await db.user.create({
      data: { email, emailCanonical: email, passwordHash: await hashPassword("correct horse") },
    });
    const csrf = newCsrfCookie(authSecret());
    const signIn = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${base}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: `${csrfCookieName(false)}=${csrf.value}`,
          ...headers,
        },
        body: new URLSearchParams({ email, csrfToken: csrf.token, callbackUrl: "/p/x", ...fields }),
      });

    const ok = await signIn({ password: "correct horse", json: "true" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ url: expect.stringMatching(/^http:\/\/[^/]+\/p\/x$/) });
    const cookies = ok.headers.getSetCookie().map((c) => c.split(";")[0]);
    expect(cookies.map((c) => c.split("=")[0])).toEqual(
      expect.arrayContaining(["next-auth.callback-url", "next-auth.session-token"]),
    );
    expect(await sessionUser(cookies.join("; "))).toMatchObject({ id: user.id });

    const wrong = await signIn({ password: "wrong horse", json: "true" });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({
      error: "UNAUTHENTICATED",
      url: expect.stringContaining("error=CredentialsSignin"),
    });

    const formPost = await signIn({ password: "wrong horse" }, { accept: "text/html" });
    expect(formPost.status).toBe(303);
    expect(formPost.headers.get("location")).toBe("/signin?callbackUrl=/p/x&error=CredentialsSignin");

    const huge = await signIn({ password: "x".repeat(20_000), json: "true" });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: "PAYLOAD_TOO_LARGE" });
  });

  it("answers bad ids with 404 and leaves every other request to Next", async () => {
    for (const id of ["%E0%A4%A", "nope", "x".repeat(300)]) {
      const res = await fetch(`${base}/api/promotions/${id}/stock`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: "NOT_FOUND" });
    }
    for (const [method, path] of [
      ["GET", "/api/promotions"],
      ["GET", "/api/promotions/abc/claim"],
      ["POST", "/api/promotions/abc/stock"],
      ["GET", "/"],
      ["GET", "/api/auth/csrf"],
      ["POST", "/api/auth/signout"],
    ]) {
      expect((await fetch(`${base}${path}`, { method })).status).toBe(418);
    }
  });
});
