// What a process holds of a sold-out promotion: its winners, for a second, forgotten on release.
import { afterEach, describe, expect, it, vi } from "vitest";
import { forgetSoldOut, learnSoldOut, soldOutVerdict } from "@/lib/claims/sold-out";
import { createMemoryEngine } from "@/lib/engine/memory";
import { uid } from "@/tests/support/fixtures";

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const snapshot = { startsAt: 0, endsAt: Date.now() + 60_000, paused: false, published: true, totalStock: 2, remaining: 0 };

describe("sold-out knowledge", () => {
  afterEach(() => vi.useRealTimers());

  it("answers winner or sold out from memory, then expires after a second", async () => {
    const engine = createMemoryEngine();
    const id = uid();
    await engine.stock.load(id, snapshot, ["w1", "w2"]);
    expect(soldOutVerdict(id, "w1")).toBeNull();
    learnSoldOut(engine.stock, id, 2);
    await settle();
    // The engine could now say anything: the answers come from what was learned.
    await engine.stock.drop(id);
    expect(soldOutVerdict(id, "w1")).toBe("winner");
    expect(soldOutVerdict(id, "w2")).toBe("winner");
    expect(soldOutVerdict(id, "someone")).toBe("sold out");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 1_001);
    expect(soldOutVerdict(id, "someone")).toBeNull();
    expect(soldOutVerdict(id, "w1")).toBeNull();
  });

  it("is forgotten on a release, and a fetch that started before the release is not taken", async () => {
    const engine = createMemoryEngine();
    const id = uid();
    await engine.stock.load(id, snapshot, ["w1", "w2"]);
    learnSoldOut(engine.stock, id, 2);
    await settle();
    forgetSoldOut(id);
    expect(soldOutVerdict(id, "someone")).toBeNull();

    learnSoldOut(engine.stock, id, 2);
    forgetSoldOut(id); // a release while the winners were being fetched
    await settle();
    expect(soldOutVerdict(id, "someone")).toBeNull();
  });

  it("holds nothing for promotions too big to hold: the engine answers them", async () => {
    const engine = createMemoryEngine();
    const id = uid();
    await engine.stock.load(id, { ...snapshot, totalStock: 1_000_000 }, ["w1"]);
    learnSoldOut(engine.stock, id, 1_000_000);
    await settle();
    expect(soldOutVerdict(id, "someone")).toBeNull();
  });
});
