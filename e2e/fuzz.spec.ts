// A seeded fuzz of every API route against the production server (the build `npm start` runs):
// random methods, ids, query strings, content types, bodies and sessions. No answer is a 5xx, a
// URL whose escapes do not decode answers 400, every JSON error has the error shape, and nothing
// changes: the rows and the live promotion's stock are the same afterwards.
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { appServerEnv, E2E_ADMIN } from "../playwright.config";
import { createPromotion, signIn, signUpAndSignIn } from "./helpers";
import { startIsolatedServer } from "./isolated-server";
import { seededRandom } from "../tests/fuzz/random";
import { fuzzRequest, type FuzzContext, type FuzzRequest } from "../tests/fuzz/requests";
import { apiRoutes } from "../tests/fuzz/routes";
import { sender } from "../tests/fuzz/send";
import { problemWith } from "../tests/fuzz/verdict";
import { sessionCookie } from "../tests/support/session-cookie";

const SEED = Number(process.env.FUZZ_SEED ?? 13_009);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1_500);
const CONCURRENCY = 4;

test("random requests on every API route: no 5xx, the error shape, nothing changes", async () => {
  test.setTimeout(300_000);
  console.log(`fuzz seed ${SEED}: FUZZ_SEED=${SEED} replays this run`);
  test.info().annotations.push({ type: "fuzz seed", description: String(SEED) });

  // Its own server and database: other specs write to the shared one while this counts rows.
  const server = await startIsolatedServer("fuzz");
  const db = new pg.Client({ connectionString: server.databaseUrl });
  const admin = await playwrightRequest.newContext({ baseURL: server.url });
  const person = await playwrightRequest.newContext({ baseURL: server.url });
  const { send, close } = sender(server.url, { sockets: CONCURRENCY });
  try {
    await db.connect();
    const adminUser = await signIn(admin, E2E_ADMIN.email, E2E_ADMIN.password);
    const user = await signUpAndSignIn(person);
    const live = await createPromotion(admin, { totalStock: 5 });
    const scheduled = await createPromotion(admin, { startsInMs: 3_600_000 });
    expect((await person.post(`/api/promotions/${live.id}/claim`)).status()).toBe(201);
    const secret = appServerEnv.NEXTAUTH_SECRET;
    const ctx: FuzzContext = {
      existingIds: [live.id, scheduled.id, user.id],
      cookies: { admin: await sessionCookie(adminUser, secret), user: await sessionCookie(user, secret) },
      origin: server.url,
    };

    const routes = apiRoutes();
    expect(routes.map((r) => r.file)).toContain("app/api/auth/[...nextauth]/route.ts");
    const random = seededRandom(SEED);
    // Round robin over the routes: each gets its share, whatever the seed.
    const requests = Array.from({ length: REQUESTS }, (_, i) => fuzzRequest(random, routes[i % routes.length], ctx));

    const before = await snapshot(db, admin, live.id);
    const problems = await sendAll(requests, async (r) => problemWith(r, await send(r)));
    const after = await snapshot(db, admin, live.id);

    expect(problems, `seed ${SEED}: ${problems.length} of ${REQUESTS} requests answered wrongly`).toEqual([]);
    expect(after).toEqual(before);
  } finally {
    close();
    await Promise.allSettled([admin.dispose(), person.dispose(), db.end()]);
    await server.stop();
  }
});

/** Runs every request, a few at a time, and lists what was wrong with the answers. */
async function sendAll(requests: FuzzRequest[], check: (r: FuzzRequest) => Promise<string | undefined>) {
  const problems: (string | undefined)[] = new Array(requests.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < requests.length; i = next++) {
      const r = requests[i];
      const problem = await check(r).catch((error: Error) => `no answer: ${error.message}`);
      if (problem) problems[i] = `#${i} ${r.method} ${r.url.slice(0, 200)} (${r.description}): ${problem}`;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return problems.filter((p) => p !== undefined);
}

/** Everything a fuzz request must not change. */
async function snapshot(db: pg.Client, admin: APIRequestContext, livePromotionId: string) {
  const counts = await db.query(`SELECT
    (SELECT count(*) FROM "User")::int AS users,
    (SELECT count(*) FROM "Promotion")::int AS promotions,
    (SELECT count(*) FROM "Claim")::int AS claims,
    (SELECT count(*) FROM "AuditLog")::int AS "auditLog"`);
  const promotions = await db.query(
    `SELECT id, "updatedAt", "totalStock", "claimedCount", paused, published FROM "Promotion" ORDER BY id`,
  );
  const stockAnswer = await admin.get(`/api/promotions/${livePromotionId}/stock`);
  expect(stockAnswer.status()).toBe(200);
  const { serverTime: _, ...stock } = await stockAnswer.json();
  return { counts: counts.rows[0], promotions: promotions.rows, stock };
}

test("a URL whose escapes do not decode answers 400: the error shape under /api, a small page elsewhere", async ({ request }) => {
  for (const [method, path] of [
    ["GET", "/api/promotions/%ZZ"],
    ["PATCH", "/api/promotions/%ZZ/stock"],
    ["POST", "/api/promotions/%E0%A4%A/claim"],
    ["GET", "/api/admin/users/%ZZ"],
    ["POST", "/api/auth/%ZZ"],
  ]) {
    const res = await request.fetch(path, { method });
    expect(res.status(), `${method} ${path}`).toBe(400);
    expect(await res.json()).toEqual({ error: "INVALID_INPUT", message: expect.any(String) });
  }
  for (const path of ["/p/%ZZ", "/admin/promotions/%C0%AF/edit", "/%ED%A0%80"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
    expect(res.headers()["content-type"]).toContain("text/html");
    expect(await res.text()).toContain("Bad request");
  }
});
