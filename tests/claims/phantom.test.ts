// Phantom winners: a process killed between the claim script and the claim row's write leaves
// wins in the engine with no row. The sweeper gives those coupons back by itself.
import { describe, expect, it } from "vitest";
import { startPhantomSweeper } from "@/lib/claims/phantom-sweeper";
import { rebuildPromotion } from "@/lib/promotions/rebuild";
import { services } from "@/lib/services";
import { spawnAppScript } from "@/tests/support/app-script";
import { createPromotion, createUsers } from "@/tests/support/fixtures";
import { attempt } from "@/tests/support/storm";

/** Runs the dying process for these users and SIGKILLs it once its wins are in the engine. */
function dieBetweenScriptAndWrite(promotionId: string, userIds: string[]) {
  const child = spawnAppScript("phantom-child.ts", [promotionId, ...userIds]);
  const decisions: string[] = [];
  return new Promise<string[]>((resolve) => {
    child.stdout.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter(Boolean)) {
        const message = JSON.parse(line) as { decision?: string; reserved?: boolean };
        if (message.decision) decisions.push(message.decision);
        if (message.reserved) process.kill(-child.pid!, "SIGKILL");
      }
    });
    child.once("exit", () => resolve(decisions));
  });
}

describe("phantom winners", () => {
  it("are released within the timeout with no other request, while committed winners stay", async () => {
    const svc = services();
    const promotion = await createPromotion(svc.db, { totalStock: 5 });
    const [winner, ...ghosts] = await createUsers(svc.db, 4);
    await rebuildPromotion(svc, promotion.id);
    expect(await attempt(svc, promotion.id, winner.id)).toMatchObject({ ok: true, status: 201 });

    expect(
      await dieBetweenScriptAndWrite(
        promotion.id,
        ghosts.map((g) => g.id),
      ),
    ).toEqual(["WON", "WON", "WON"]);
    expect((await svc.engine.stock.snapshot(promotion.id))?.remaining).toBe(1);

    const stop = startPhantomSweeper(services, 1_000);
    try {
      // Nobody claims anything now: the sweeper alone must bring the three coupons back.
      for (let waited = 0; waited < 15_000; waited += 200) {
        if ((await svc.engine.stock.snapshot(promotion.id))?.remaining === 4) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      stop();
    }
    expect((await svc.engine.stock.snapshot(promotion.id))?.remaining).toBe(4);
    expect(await svc.engine.stock.winners(promotion.id)).toEqual([winner.id]);
    expect(await svc.db.claim.count({ where: { promotionId: promotion.id } })).toBe(1);
    // The ghosts may claim for real now.
    expect(await attempt(svc, promotion.id, ghosts[0].id)).toMatchObject({ ok: true, status: 201 });
  });
});
