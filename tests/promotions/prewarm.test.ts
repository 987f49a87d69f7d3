// The warm-up before a promotion's start, against the machine's PostgreSQL and Redis: the keys are
// in the stock engine and the pool's connections are open before the first press, and only for
// published promotions about to start.
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { PREWARM_LEAD_MS, prewarm, startPrewarmTimer } from "@/lib/promotions/prewarm";
import { services } from "@/lib/services";
import { createPromotion } from "@/tests/support/fixtures";

const svc = services();
const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe("pre-warm before a promotion's start", () => {
  it("loads the promotion's keys and opens the pool's connections", async () => {
    const p = await createPromotion(svc.db, { totalStock: 7, startsAt: new Date(Date.now() + 60_000) });
    expect(await svc.engine.stock.snapshot(p.id)).toBeNull();
    await prewarm(svc, p.id);
    expect(await svc.engine.stock.snapshot(p.id)).toMatchObject({ remaining: 7, totalStock: 7 });
    expect(svc.pool.totalCount).toBe(svc.pool.options.max);
  });

  it("runs by itself shortly before the start, for published promotions only", async () => {
    const startsAt = new Date(Date.now() + PREWARM_LEAD_MS + 1_500);
    const soon = await createPromotion(svc.db, { totalStock: 3, startsAt });
    const unpublished = await createPromotion(svc.db, { totalStock: 3, startsAt, published: false });
    const later = await createPromotion(svc.db, { totalStock: 3, startsAt: new Date(Date.now() + 120_000) });
    stops.push(startPrewarmTimer(() => svc));
    // Half a second before the start: nobody has pressed yet.
    await sleep(startsAt.getTime() - Date.now() - 500);
    expect(await svc.engine.stock.snapshot(soon.id)).toMatchObject({ remaining: 3 });
    expect(await svc.engine.stock.snapshot(unpublished.id)).toBeNull();
    expect(await svc.engine.stock.snapshot(later.id)).toBeNull();
  });
});
