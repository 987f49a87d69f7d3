import { describe, expect, it } from "vitest";
import { rebuildPromotion } from "@/lib/promotions/rebuild";
import { services } from "@/lib/services";
import { createPromotion, createUsers, withRefusedClaims } from "@/tests/support/fixtures";
import { usePrivateRedis } from "@/tests/support/redis-server";
import { attempt, expectExact, expectOnlySoldOut } from "@/tests/support/storm";

describe("claimCoupon against the machine's PostgreSQL and Redis", () => {
  const svc = services();

  it("2,000 parallel claims from 2,000 users on stock 100: exactly 100 winners", async () => {
    const users = await createUsers(svc.db, 2_000);
    const promotion = await createPromotion(svc.db, { totalStock: 100 });
    const outcomes = await Promise.all(users.map((u) => attempt(svc, promotion.id, u.id)));
    const winners = outcomes.filter((o) => o.ok);
    await expectExact(svc, promotion.id, 100, winners);
    const losers = outcomes.filter((o) => !o.ok);
    expect(losers.every((o) => o.code === "SOLD_OUT" && o.status === 410)).toBe(true);
    console.log(JSON.stringify({ scenario: "storm", requests: outcomes.length, winners: winners.length }));
  });

  it("50 parallel claims by one user: exactly one claim, the rest see it", async () => {
    const [user] = await createUsers(svc.db, 1);
    const promotion = await createPromotion(svc.db, { totalStock: 10 });
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => attempt(svc, promotion.id, user.id)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok).every((o) => !o.ok && o.code === "ALREADY_CLAIMED")).toBe(true);
    expect(await svc.db.claim.count({ where: { promotionId: promotion.id } })).toBe(1);
    expect((await svc.engine.stock.snapshot(promotion.id))?.remaining).toBe(9);
  });

  it("a failed durable write answers 503 and gives the stock and the user's slot back", async () => {
    const [doomed] = await createUsers(svc.db, 1, "USER", "doomed");
    const promotion = await createPromotion(svc.db, { totalStock: 5 });
    // A real database failure after the script succeeded: a trigger refuses this user's row.
    await withRefusedClaims(svc.db, "doomed", async () => {
      const outcome = await attempt(svc, promotion.id, doomed.id);
      expect(outcome).toMatchObject({ ok: false, code: "UNAVAILABLE", status: 503 });
      expect((await svc.engine.stock.snapshot(promotion.id))?.remaining).toBe(5);
      expect((await svc.db.promotion.findUniqueOrThrow({ where: { id: promotion.id } })).claimedCount).toBe(0);
      expect(await svc.db.claim.count({ where: { promotionId: promotion.id } })).toBe(0);
    });
    // The slot is really free again: the same person can now claim.
    expect(await attempt(svc, promotion.id, doomed.id)).toMatchObject({ ok: true, status: 201 });
    expect((await svc.engine.stock.snapshot(promotion.id))?.remaining).toBe(4);
  });

  it("answers NOT_STARTED, ENDED, PAUSED and NOT_FOUND without taking stock", async () => {
    const [user] = await createUsers(svc.db, 1);
    const upcoming = await createPromotion(svc.db, { startsAt: new Date(Date.now() + 60_000) });
    const ended = await createPromotion(svc.db, {
      startsAt: new Date(Date.now() - 60_000),
      endsAt: new Date(Date.now() - 1_000),
    });
    const paused = await createPromotion(svc.db, { paused: true });
    const draft = await createPromotion(svc.db, { published: false });
    expect(await attempt(svc, upcoming.id, user.id)).toMatchObject({ code: "NOT_STARTED", status: 403 });
    expect(await attempt(svc, ended.id, user.id)).toMatchObject({ code: "ENDED", status: 403 });
    expect(await attempt(svc, paused.id, user.id)).toMatchObject({ code: "PAUSED", status: 403 });
    expect(await attempt(svc, draft.id, user.id)).toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect(await attempt(svc, "doesnotexist0000", user.id)).toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect(await svc.db.claim.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("claimCoupon when Redis loses its data (private redis-server)", () => {
  const context = usePrivateRedis();

  it("FLUSHALL in the middle of a storm: still exactly the stock, each user once", async () => {
    const { redis, svc } = context;
    const users = await createUsers(svc.db, 1_500);
    const promotion = await createPromotion(svc.db, { totalStock: 100 });
    const storm = [...users, ...users.slice(0, 300)].map((u, i) =>
      new Promise((r) => setTimeout(r, i % 50)).then(() => attempt(svc, promotion.id, u.id)),
    );
    const flushes = [5, 15, 30].map((ms) => new Promise((r) => setTimeout(r, ms)).then(() => redis.flushAll()));
    const [outcomes] = await Promise.all([Promise.all(storm), Promise.all(flushes)]);
    const winners = outcomes.filter((o) => o.ok);
    expectOnlySoldOut(outcomes);
    await expectExact(svc, promotion.id, 100, winners);
    console.log(JSON.stringify({ scenario: "flushall-storm", requests: outcomes.length, winners: winners.length }));
  });
});

describe("claimCoupon after a process died between the script and the write", () => {
  it("drops the phantom winner and lets the person claim", async () => {
    const svc = services();
    const [user] = await createUsers(svc.db, 1);
    const promotion = await createPromotion(svc.db, { totalStock: 3 });
    // What a SIGKILL between the two steps leaves behind: Redis counted a win, PostgreSQL has no
    // row. Made here by running the engine's step alone, as the dead process did.
    await rebuildPromotion(svc, promotion.id);
    await svc.engine.stock.claim(promotion.id, user.id, Date.now());
    expect(await svc.engine.stock.claim(promotion.id, user.id, Date.now())).toEqual({ kind: "ALREADY_CLAIMED" });

    expect(await attempt(svc, promotion.id, user.id)).toMatchObject({ ok: true, status: 201 });
    expect((await svc.engine.stock.snapshot(promotion.id))?.remaining).toBe(2);
    expect(await svc.db.claim.count({ where: { promotionId: promotion.id } })).toBe(1);
  });
});
