// Push, not poll: the admin screens open on instance A show claims made on instance B through
// the server-sent event stream (Redis pub/sub between the instances), measured from the claim's
// answer to the number changing on screen. And without the stream, the screens poll.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { E2E_ADMIN, appServerEnv } from "../playwright.config";
import { createPromotion, signIn } from "./helpers";
import { startIsolatedServer, type IsolatedServer } from "./isolated-server";
import { sessionCookie } from "../tests/support/session-cookie";

const CLAIMS = 20;
const STOCK = 25;
// Generous for a shared 2-core machine running other suites; the target is 250 ms at p95.
const P95_BOUND_MS = 1_500;

declare global {
  interface Window {
    __liveSeen?: Promise<number>;
  }
}

/** Arms a watcher in the page: resolves with the epoch time the element's text becomes `expected`. */
function armWatcher(page: Page, selector: string, expected: string) {
  return page.evaluate(
    ({ selector, expected }) => {
      const now = () => performance.timeOrigin + performance.now();
      window.__liveSeen = new Promise<number>((resolve) => {
        const matches = () => document.querySelector(selector)?.textContent === expected;
        if (matches()) return resolve(now());
        const observer = new MutationObserver(() => {
          if (!matches()) return;
          observer.disconnect();
          resolve(now());
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    },
    { selector, expected },
  );
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

test.describe("live admin screens across two instances", () => {
  let server: IsolatedServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startIsolatedServer("live", { instances: 2 });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("a claim on instance B reaches the dashboard and the detail page on instance A through the stream, without polling", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const [urlA, urlB] = server.urls;
    const context = await browser.newContext({ baseURL: urlA });
    await signIn(context.request, E2E_ADMIN.email, E2E_ADMIN.password);
    const promotion = await createPromotion(context.request, { totalStock: STOCK });

    // People straight into the database, with session cookies as next-auth would issue them.
    const db = new pg.Client({ connectionString: server.databaseUrl });
    await db.connect();
    const { rows: people } = await db
      .query<{ id: string; email: string }>(
        `INSERT INTO "User" (id, email, "emailCanonical", "passwordHash", role)
         SELECT 'live-' || i, 'live-' || i || '@e2e.test', 'live-' || i || '@e2e.test', 'unused', 'USER'
         FROM generate_series(1, $1) AS i
         RETURNING id, email`,
        [CLAIMS],
      )
      .finally(() => db.end());
    const cookies = await Promise.all(people.map((p) => sessionCookie({ ...p, role: "USER" }, appServerEnv.NEXTAUTH_SECRET)));

    // Every request to the polled endpoints, by page.
    const polled = { dashboard: 0, detail: 0 };
    const dashboard = await context.newPage();
    const detail = await context.newPage();
    dashboard.on("request", (r) => {
      if (r.method() === "GET" && new URL(r.url()).pathname === "/api/admin/promotions") polled.dashboard++;
    });
    detail.on("request", (r) => {
      if (r.method() === "GET" && new URL(r.url()).pathname === `/api/admin/promotions/${promotion.id}`) polled.detail++;
    });
    await dashboard.goto("/admin");
    await detail.goto(`/admin/promotions/${promotion.id}`);
    for (const page of [dashboard, detail]) {
      await expect(page.getByTestId("live-status")).toHaveAttribute("data-mode", "push");
      await expect(page.getByTestId(`remaining-${promotion.id}`)).toHaveText(String(STOCK));
    }
    const before = { ...polled };

    const selector = `[data-testid="remaining-${promotion.id}"]`;
    const lags: Record<"dashboard" | "detail", number[]> = { dashboard: [], detail: [] };
    for (const [i, cookie] of cookies.entries()) {
      const expected = String(STOCK - i - 1);
      await Promise.all([armWatcher(dashboard, selector, expected), armWatcher(detail, selector, expected)]);
      const res = await fetch(`${urlB}/api/promotions/${promotion.id}/claim`, { method: "POST", headers: { cookie } });
      const answeredAt = Date.now();
      expect(res.status).toBe(201);
      for (const [name, page] of [
        ["dashboard", dashboard],
        ["detail", detail],
      ] as const) {
        const seenAt = await page.evaluate(() => window.__liveSeen!);
        lags[name].push(Math.max(0, seenAt - answeredAt));
      }
      // One claim at a time, as the measurement asks: let the previous coalescing window pass.
      await new Promise((resolve) => setTimeout(resolve, 150));
    }

    for (const name of ["dashboard", "detail"] as const) {
      const sorted = [...lags[name]].sort((a, b) => a - b);
      const [p50, p95] = [percentile(sorted, 50), percentile(sorted, 95)];
      console.log(
        `live lag, ${name} on instance A, claims on instance B (${sorted.length} claims): p50 ${Math.round(p50)} ms, p95 ${Math.round(p95)} ms, max ${Math.round(sorted.at(-1)!)} ms`,
      );
      expect(p95).toBeLessThan(P95_BOUND_MS);
    }
    // The stream carried every change: not one poll while it was healthy.
    expect(polled).toEqual(before);
    await expect(detail.getByTestId(`claim-rate-${promotion.id}`)).toBeVisible();
    await context.close();
  });
});

test("without the stream the detail page falls back to polling and still shows claims", async ({ page, baseURL }) => {
  await signIn(page.request, E2E_ADMIN.email, E2E_ADMIN.password);
  const promotion = await createPromotion(page.request, { totalStock: 5 });
  await page.route("**/api/admin/live**", (route) => route.abort());
  let polls = 0;
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === `/api/admin/promotions/${promotion.id}`) polls++;
  });
  await page.goto(`/admin/promotions/${promotion.id}`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-mode", "poll");
  await expect.poll(() => polls, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);

  const user = { id: `fallback-${Date.now()}`, email: `fallback-${Date.now()}@e2e.test` };
  const db = new pg.Client({ connectionString: appServerEnv.DATABASE_URL });
  await db.connect();
  await db
    .query(`INSERT INTO "User" (id, email, "emailCanonical", "passwordHash", role) VALUES ($1, $2, $2, 'unused', 'USER')`, [
      user.id,
      user.email,
    ])
    .finally(() => db.end());
  const cookie = await sessionCookie({ ...user, role: "USER" }, appServerEnv.NEXTAUTH_SECRET);
  expect((await fetch(`${baseURL}/api/promotions/${promotion.id}/claim`, { method: "POST", headers: { cookie } })).status).toBe(
    201,
  );
  await expect(page.getByTestId(`remaining-${promotion.id}`)).toHaveText("4");
});
