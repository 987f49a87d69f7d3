// How pushed events patch the admin screens' cached answers.
import { describe, expect, it } from "vitest";
import { claimsMoved, patchList, toDetail, type DashboardEntry, type LivePromotion } from "@/components/admin/live-cache";

const stats = { claimed: 1, issued: 1, pending: 0, failed: 0, oldestPendingSeconds: null };
const row = (id: string, remaining: number, over: Partial<LivePromotion> = {}) =>
  ({
    id,
    title: id,
    remaining,
    status: "LIVE",
    stats,
    claimsPerSecond: [0, 1],
    claimRate: 2,
    ...over,
  }) as unknown as LivePromotion;

describe("live cache patches", () => {
  it("replaces changed rows in place, drops removed ones, keeps the rest and the order", () => {
    const list = [row("a", 5), row("b", 5), row("c", 5)] as DashboardEntry[];
    const { list: next, unknown } = patchList(list, { promotions: [row("b", 4)], removed: ["c"] });
    expect(next!.map((p) => [p.id, p.remaining])).toEqual([
      ["a", 5],
      ["b", 4],
    ]);
    expect(next![0]).toBe(list[0]);
    expect(unknown).toBe(false);
  });

  it("says when a row the list lacks arrives (a new promotion: refetch the list)", () => {
    expect(patchList([row("a", 5)] as DashboardEntry[], { promotions: [row("new", 9)], removed: [] }).unknown).toBe(true);
    expect(patchList(undefined, { promotions: [row("a", 1)], removed: [] })).toEqual({ list: undefined, unknown: true });
  });

  it("turns a dashboard row into the detail page's answer, with claims/s beside it", () => {
    const detail = toDetail(row("a", 3));
    expect(detail.stats).toBe(stats);
    expect(detail.claimRate).toBe(2);
    expect(detail.promotion).toMatchObject({ id: "a", remaining: 3, status: "LIVE" });
    expect(detail.promotion).not.toHaveProperty("stats");
    expect(detail.promotion).not.toHaveProperty("claimsPerSecond");
  });

  it("refetches the winners only when who holds a coupon changed", () => {
    expect(claimsMoved(stats, { ...stats })).toBe(false);
    expect(claimsMoved(stats, { ...stats, oldestPendingSeconds: 4 })).toBe(false);
    expect(claimsMoved(stats, { ...stats, pending: 1 })).toBe(true);
    expect(claimsMoved(undefined, stats)).toBe(true);
  });
});
