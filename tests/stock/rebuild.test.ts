// The rebuild of a promotion's engine keys from PostgreSQL reads one snapshot of the truth.
import { afterAll, describe, expect, it } from "vitest";
import { rebuildPromotion } from "@/lib/promotions/rebuild";
import { services } from "@/lib/services";
import { createPromotion, createUsers } from "@/tests/support/fixtures";
import { recordingDb } from "@/tests/support/sql-log";
import { attempt } from "@/tests/support/storm";

describe("rebuild from PostgreSQL", () => {
  const { db, pool, statements } = recordingDb();
  afterAll(() => db.$disconnect());

  it("reads the remaining stock and the winners in one statement, so both come from one snapshot", async () => {
    const svc = { ...services(), db, pool };
    const promotion = await createPromotion(db, { totalStock: 5 });
    const users = await createUsers(db, 2);
    for (const user of users) expect(await attempt(svc, promotion.id, user.id)).toMatchObject({ ok: true });

    statements.length = 0;
    expect(await rebuildPromotion(svc, promotion.id, true)).toBe(true);
    // Two reads (the promotion, then its claims) could straddle a claim failing in between and
    // leave the engine one coupon short; one statement cannot.
    const reads = statements.filter((s) => /"Promotion"|"Claim"/.test(s.text));
    expect(reads).toHaveLength(1);
    expect(reads[0].text).toMatch(/FROM "Promotion"[\s\S]*JOIN "Claim"/);
    expect((await svc.engine.stock.snapshot(promotion.id))?.remaining).toBe(3);
    expect((await svc.engine.stock.winners(promotion.id))?.sort()).toEqual(users.map((u) => u.id).sort());
  });
});
