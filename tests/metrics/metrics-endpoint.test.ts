// GET /api/metrics: the Prometheus text, parsed line by line, against a storm of claims through
// the claim route handler; the token check; and 404 when METRICS_TOKEN is unset.
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import * as metricsRoute from "@/app/api/metrics/route";
import * as claim from "@/app/api/promotions/[id]/claim/route";
import { services } from "@/lib/services";
import { call, createPromotion, createUsers, sessionCookie, uid } from "@/tests/support/fixtures";

// Hoisted above the imports by vitest: lib/env.ts reads the token when first imported.
const TOKEN = vi.hoisted(() => (process.env.METRICS_TOKEN = "metrics-token-of-this-run-0123"));

const svc = services();

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The exposition format's sample lines: `name{label="value",...} number`; comments skipped. */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key] = value;
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

async function scrape(authorization = `Bearer ${TOKEN}`) {
  const req = new Request("http://localhost:3000/api/metrics", { headers: { authorization } });
  const res = await metricsRoute.GET(req as never, { params: Promise.resolve({}) });
  return { res, samples: res.status === 200 ? parseExposition(await res.text()) : [] };
}

const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

async function press(promotionId: string, cookie: string) {
  return (await call(claim.POST, { method: "POST", params: { id: promotionId }, cookie })).status;
}

describe("GET /api/metrics", () => {
  it("counts every claim of a storm by outcome, with latency, rate-limit refusals, rebuilds and stock", async () => {
    const before = (await scrape()).samples;
    const promotion = await createPromotion(svc.db, { totalStock: 5 });
    const users = await createUsers(svc.db, 15);
    const cookies = await Promise.all(users.map((u) => sessionCookie(u)));
    const statuses = await Promise.all(cookies.map((c) => press(promotion.id, c)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    // One person presses past the per-user limit of the tests (30 in 10 s): the 31st is refused.
    const eager = await createPromotion(svc.db, { totalStock: 5 });
    for (let i = 0; i < 30; i++) await press(eager.id, cookies[0]);
    expect(await press(eager.id, cookies[0])).toBe(429);
    // A PENDING claim an hour old, waiting for its coupon service.
    const waiting = await createPromotion(svc.db);
    await svc.db.claim.create({
      data: {
        id: `c${uid()}`,
        promotionId: waiting.id,
        userId: users[1].id,
        status: "PENDING",
        claimedAt: new Date(Date.now() - 3_600_000),
      },
    });

    const { res, samples: after } = await scrape();
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const delta = (name: string, labels: Record<string, string> = {}) => value(after, name, labels) - value(before, name, labels);
    expect(delta("coupon_claims_total", { outcome: "won" })).toBe(6);
    expect(delta("coupon_claims_total", { outcome: "sold_out" })).toBe(10);
    expect(delta("coupon_claims_total", { outcome: "already_claimed" })).toBe(29);
    expect(delta("coupon_claims_total", { outcome: "rate_limited" })).toBe(1);
    expect(delta("coupon_claims_total")).toBe(46);
    expect(delta("coupon_claim_duration_seconds_count")).toBe(46);
    expect(delta("coupon_claim_duration_seconds_bucket", { outcome: "won", le: "+Inf" })).toBe(6);
    expect(delta("coupon_rate_limit_refusals_total")).toBe(1);
    // Both promotions were loaded into the engine on their first claim.
    expect(delta("coupon_stock_rebuilds_total")).toBeGreaterThanOrEqual(2);
    expect(value(after, "coupon_stock_remaining", { promotion: promotion.id, slug: promotion.slug })).toBe(0);
    expect(value(after, "coupon_stock_remaining", { promotion: eager.id })).toBe(4);
    expect(value(after, "coupon_issuing_queue_depth")).toBeGreaterThanOrEqual(1);
    expect(value(after, "coupon_issuing_oldest_pending_seconds")).toBeGreaterThanOrEqual(3_600);
    // The default process metrics.
    expect(after.some((s) => s.name === "process_cpu_user_seconds_total")).toBe(true);

    // Every metric the shipped Grafana dashboard queries is one this endpoint exports.
    const dashboard = JSON.parse(readFileSync("docs/grafana-dashboard.json", "utf8")) as {
      panels: { targets: { expr: string }[] }[];
    };
    const queried = dashboard.panels.flatMap((p) =>
      p.targets.flatMap((t) => t.expr.match(/\b(coupon|process|nodejs)_\w+/g) ?? []),
    );
    expect(queried.length).toBeGreaterThan(10);
    const exported = new Set(after.map((s) => s.name));
    expect(queried.filter((name) => !exported.has(name))).toEqual([]);
  });

  it("answers 401 in the error shape to a missing or wrong token", async () => {
    for (const authorization of ["", "Bearer wrong", `Bearer ${TOKEN}x`, TOKEN]) {
      const { res } = await scrape(authorization);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: "UNAUTHENTICATED", message: expect.any(String) });
    }
  });

  it("answers 404 when METRICS_TOKEN is unset", async () => {
    delete process.env.METRICS_TOKEN;
    vi.resetModules();
    try {
      const fresh = await import("@/app/api/metrics/route");
      const req = new Request("http://localhost:3000/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });
      const res = await fresh.GET(req as never, { params: Promise.resolve({}) });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: "NOT_FOUND" });
    } finally {
      process.env.METRICS_TOKEN = TOKEN;
    }
  });
});
