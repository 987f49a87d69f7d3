// Revocable sessions and the admin Users API, through the real route handlers (next-auth's
// included), the machine's PostgreSQL and Redis.
import type { Session, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import * as adminPromotions from "@/app/api/admin/promotions/route";
import * as userAudit from "@/app/api/admin/users/[id]/audit/route";
import * as adminUser from "@/app/api/admin/users/[id]/route";
import * as signOut from "@/app/api/admin/users/[id]/sign-out/route";
import * as adminUsers from "@/app/api/admin/users/route";
import * as myClaims from "@/app/api/me/claims/route";
import * as claim from "@/app/api/promotions/[id]/claim/route";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { answeredRefusal } from "@/lib/auth/refusals";
import { ACCOUNT_DISABLED_SIGNIN } from "@/lib/auth/signin-error";
import { getDb } from "@/lib/db";
import { getEngine } from "@/lib/engine";
import { call, createPromotion, createUsers, sessionCookie, uid } from "@/tests/support/fixtures";

const db = getDb();
let admin: { id: string; email: string; role: "ADMIN" | "USER" };
let adminCookie: string;

beforeAll(async () => {
  [admin] = await createUsers(db, 1, "ADMIN", "boss");
  adminCookie = await sessionCookie(admin);
});

function expectError(res: { status: number; json: { error?: unknown; message?: unknown } }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.json).toMatchObject({ error: code });
  expect(typeof res.json.message).toBe("string");
}

const patch = (id: string, body: unknown, cookie = adminCookie) =>
  call(adminUser.PATCH, { method: "PATCH", params: { id }, cookie, body });
const signOutAll = (id: string, cookie = adminCookie) => call(signOut.POST, { method: "POST", params: { id }, cookie });
const list = (query: string, cookie = adminCookie) => call(adminUsers.GET, { path: `/api/admin/users${query}`, cookie });

// next-auth's App Router handler needs Next's request scope (cookies()), which a test process
// lacks: sign-in is driven through the same options it runs with (authorize, then the jwt and
// session callbacks, as next-auth's credentials callback and session route call them), and the
// refusal mapping of the route. e2e/sessions.spec.ts signs in through the real server.
const options = authOptions();
const credentials = options.providers[0] as unknown as {
  options: { authorize: (c: Record<string, string>, req: unknown) => Promise<User | null> };
};

async function signIn(email: string, password: string): Promise<JWT> {
  const user = await credentials.options.authorize({ email, password }, {});
  if (!user) throw new Error("CredentialsSignin");
  return options.callbacks!.jwt!({ token: { sub: user.id, email }, user, account: null, trigger: "signIn" } as never);
}

/** next-auth's session route: jwt callback, then session callback; a throw means "no session, cookie cleared". */
async function readSession(token: JWT): Promise<unknown> {
  try {
    const next = await options.callbacks!.jwt!({ token, account: null } as never);
    const session = { user: { email: token.email }, expires: "" } as Session;
    return await options.callbacks!.session!({ session, token: next } as never);
  } catch {
    return "signed out";
  }
}

describe("GET /api/admin/users", () => {
  it("is for admins only", async () => {
    const [user] = await createUsers(db, 1);
    expectError(await list("", ""), 401, "UNAUTHENTICATED");
    expectError(await list("", await sessionCookie(user)), 403, "FORBIDDEN");
  });

  it("searches by email (any case) and pages newest first, with the contract's fields only", async () => {
    const tag = uid();
    const ids: string[] = [];
    // One clock reading for all: on a busy machine a create can take longer than the 1 s step.
    const newest = Date.now();
    for (let i = 0; i < 23; i++) {
      const row = await db.user.create({
        data: {
          email: `Shopper-${tag}-${i}@Example.test`,
          emailCanonical: `shopper-${tag}-${i}@example.test`,
          passwordHash: "x",
          name: `S${i}`,
          createdAt: new Date(newest - i * 1_000),
        },
      });
      ids.push(row.id);
    }
    const first = await list(`?q=${tag.toUpperCase()}`);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ page: 1, pageSize: 20, total: 23 });
    expect(first.json.users).toHaveLength(20);
    expect(first.json.users[0]).toEqual({
      id: ids[0],
      email: `Shopper-${tag}-0@Example.test`,
      name: "S0",
      role: "USER",
      disabled: false,
      createdAt: expect.any(String),
    });
    const second = await list(`?q=${tag}&page=2`);
    expect(second.json.users.map((u: { id: string }) => u.id)).toEqual(ids.slice(20));
    expect((await list(`?q=${tag}&page=9`)).json).toMatchObject({ users: [], total: 23, page: 9 });
    expect((await list(`?q=nobody-${tag}`)).json).toMatchObject({ users: [], total: 0 });
  });

  it.each([["?page=0"], ["?page=-1"], ["?page=x"], ["?page=1.5"], ["?q=" + "x".repeat(201)], ["?sort=email"]])(
    "answers 400 for %s",
    async (query) => {
      expectError(await list(query), 400, "INVALID_INPUT");
    },
  );
});

describe("PATCH /api/admin/users/{id}", () => {
  it("changes the role, audited; a demoted admin's old cookie gets 403 on the admin API at once", async () => {
    const [other] = await createUsers(db, 1, "ADMIN", "deputy");
    const otherCookie = await sessionCookie(other);
    expect((await call(adminPromotions.GET, { cookie: otherCookie })).status).toBe(200);
    const res = await patch(other.id, { role: "USER" });
    expect(res.status).toBe(200);
    expect(res.json.user).toMatchObject({ id: other.id, role: "USER", disabled: false });
    expectError(await call(adminPromotions.GET, { cookie: otherCookie }), 403, "FORBIDDEN");
    expectError(await list("", otherCookie), 403, "FORBIDDEN");
    // Still signed in as a shopper: the cookie is not revoked, only its role is gone.
    expect((await call(myClaims.GET, { cookie: otherCookie })).status).toBe(200);
    // Promoted again, the same cookie is an admin's.
    await patch(other.id, { role: "ADMIN" });
    expect((await call(adminPromotions.GET, { cookie: otherCookie })).status).toBe(200);

    const audit = await call(userAudit.GET, { params: { id: other.id }, cookie: adminCookie });
    expect(
      audit.json.entries.map((e: { action: string; changes: unknown; actor: string }) => [e.action, e.changes, e.actor]),
    ).toEqual([
      ["user.update", { role: { from: "USER", to: "ADMIN" } }, admin.email],
      ["user.update", { role: { from: "ADMIN", to: "USER" } }, admin.email],
    ]);
    const rows = await db.auditLog.findMany({ where: { targetUserId: other.id } });
    expect(rows.every((r) => r.actorId === admin.id && r.promotionId === null)).toBe(true);
  });

  it("disables an account: its claims and API calls answer 403 ACCOUNT_DISABLED, no stock taken; enabling restores it", async () => {
    const [user] = await createUsers(db, 1);
    const cookie = await sessionCookie(user);
    const p = await createPromotion(db, { totalStock: 3 });
    expect((await call(myClaims.GET, { cookie })).status).toBe(200);
    expect((await patch(user.id, { disabled: true })).json.user).toMatchObject({ disabled: true });
    expectError(await call(claim.POST, { method: "POST", params: { id: p.id }, cookie }), 403, "ACCOUNT_DISABLED");
    expectError(await call(myClaims.GET, { cookie }), 403, "ACCOUNT_DISABLED");
    expect((await getEngine().stock.snapshot(p.id))?.remaining).toBe(3);
    expect(await db.claim.count({ where: { userId: user.id } })).toBe(0);
    await patch(user.id, { disabled: false });
    expect((await call(claim.POST, { method: "POST", params: { id: p.id }, cookie })).status).toBe(201);
  });

  it("refuses an admin demoting or disabling themself (409 SELF_CHANGE), changing nothing", async () => {
    expectError(await patch(admin.id, { role: "USER" }), 409, "SELF_CHANGE");
    expectError(await patch(admin.id, { disabled: true }), 409, "SELF_CHANGE");
    expectError(await patch(admin.id, { role: "ADMIN", disabled: true }), 409, "SELF_CHANGE");
    expect(await db.user.findUnique({ where: { id: admin.id }, select: { role: true, disabled: true } })).toEqual({
      role: "ADMIN",
      disabled: false,
    });
    // What changes nothing is no self-lockout.
    expect((await patch(admin.id, { role: "ADMIN", disabled: false })).status).toBe(200);
  });

  it.each([
    ["an empty body", {}],
    ["an unknown field", { role: "USER", colour: "red" }],
    ["an unknown role", { role: "ROOT" }],
    ["a string flag", { disabled: "true" }],
    ["null", null],
  ])("answers 400 for %s", async (_, body) => {
    const [user] = await createUsers(db, 1);
    expectError(await patch(user.id, body), 400, "INVALID_INPUT");
    expect(await db.auditLog.count({ where: { targetUserId: user.id } })).toBe(0);
  });

  it("answers 404 for an unknown or malformed id, 401/403 without an admin", async () => {
    expectError(await patch("no-such-user", { disabled: true }), 404, "NOT_FOUND");
    expectError(await patch("../etc", { disabled: true }), 404, "NOT_FOUND");
    expectError(await signOutAll("no-such-user"), 404, "NOT_FOUND");
    const [user] = await createUsers(db, 1);
    expectError(await patch(user.id, { role: "ADMIN" }, await sessionCookie(user)), 403, "FORBIDDEN");
    expectError(await patch(user.id, { role: "ADMIN" }, ""), 401, "UNAUTHENTICATED");
  });
});

describe("POST /api/admin/users/{id}/sign-out", () => {
  it("ends every session: the old cookie is no session (401) and cannot win, a new sign-in works", async () => {
    const [user] = await createUsers(db, 1);
    const cookie = await sessionCookie(user);
    const p = await createPromotion(db, { totalStock: 2 });
    expect((await call(myClaims.GET, { cookie })).status).toBe(200); // decoded and remembered
    const res = await signOutAll(user.id);
    expect(res.status).toBe(200);
    expect(res.json.user).toMatchObject({ id: user.id });
    expectError(await call(myClaims.GET, { cookie }), 401, "UNAUTHENTICATED");
    // The claim script may already have run when the check answers: the coupon goes back.
    expectError(await call(claim.POST, { method: "POST", params: { id: p.id }, cookie }), 401, "UNAUTHENTICATED");
    expect((await getEngine().stock.snapshot(p.id))?.remaining).toBe(2);
    expect(await getEngine().stock.winners(p.id)).toEqual([]);
    const fresh = await sessionCookie({ ...user, sessionVersion: 1 });
    expect((await call(claim.POST, { method: "POST", params: { id: p.id }, cookie: fresh })).status).toBe(201);
    const audit = await db.auditLog.findMany({ where: { targetUserId: user.id } });
    expect(audit).toMatchObject([{ action: "user.sign-out", changes: { sessionVersion: { from: 0, to: 1 } } }]);
  });

  it("survives a Redis flush of the session state: PostgreSQL still says the old cookie is void", async () => {
    const [user] = await createUsers(db, 1);
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: 4, accessRevision: 4 } });
    // Nothing in the engine or this process's cache for this account: the database decides.
    expectError(await call(myClaims.GET, { cookie: await sessionCookie(user) }), 401, "UNAUTHENTICATED");
    expect((await call(myClaims.GET, { cookie: await sessionCookie({ ...user, sessionVersion: 4 }) })).status).toBe(200);
    expect(await getEngine().sessionStates.get(user.id)).toMatchObject({ version: 4, revision: 4 });
  });
});

describe("sign-in and next-auth's session", () => {
  it("stamps the token with the session version; a role change shows, a revoked token reads as signed out", async () => {
    const email = `reader-${uid()}@example.test`;
    const row = await db.user.create({
      data: { email, emailCanonical: email, passwordHash: await hashPassword("correct horse") },
    });
    const token = await signIn(email, "correct horse");
    expect(token).toMatchObject({ sub: row.id, role: "USER", sv: 0 });
    expect(await readSession(token)).toMatchObject({ user: { id: row.id, role: "USER" } });
    // Sign-in put the account's state into the engine: claims never ask PostgreSQL for it.
    expect(await getEngine().sessionStates.get(row.id)).toMatchObject({ version: 0, disabled: false });

    await patch(row.id, { role: "ADMIN" });
    expect(await readSession(token)).toMatchObject({ user: { role: "ADMIN" } });
    await signOutAll(row.id);
    expect(await readSession(token)).toBe("signed out");
    expect(await signIn(email, "correct horse")).toMatchObject({ sv: 1, role: "ADMIN" });
  });

  it("refuses a disabled account (403 ACCOUNT_DISABLED on the route), only with the right password", async () => {
    const email = `locked-${uid()}@example.test`;
    const row = await db.user.create({
      data: { email, emailCanonical: email, passwordHash: await hashPassword("correct horse") },
    });
    const token = await signIn(email, "correct horse");
    await patch(row.id, { disabled: true });
    await expect(signIn(email, "correct horse")).rejects.toThrow(ACCOUNT_DISABLED_SIGNIN);
    // A wrong password learns nothing about the account.
    await expect(signIn(email, "wrong horse")).rejects.toThrow("CredentialsSignin");
    expect(await readSession(token)).toBe("signed out");
    // What next-auth answers for that throw, in the API's error shape.
    const nextAuthAnswer = Response.json(
      { url: `http://localhost:3000/api/auth/error?error=${ACCOUNT_DISABLED_SIGNIN}` },
      { status: 401 },
    );
    const answer = await answeredRefusal(nextAuthAnswer, "/api/auth/callback/credentials");
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({ error: "ACCOUNT_DISABLED", message: expect.any(String) });
    await patch(row.id, { disabled: false });
    expect(await signIn(email, "correct horse")).toMatchObject({ sub: row.id });
  });
});
