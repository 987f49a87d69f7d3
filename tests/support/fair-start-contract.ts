// Fair start on one engine: the draw's winners, the engine's stock and winners after it, and the
// latecomers behind the entrants, the same on every engine (memory, Redis, Redis Cluster, Upstash).
// Fair start keeps no state of its own in the engine; what it asks of one is the promotion's
// reload after the draw and the ordinary claim path for latecomers.
import { describe, expect, it } from "vitest";
import { runDraw } from "@/lib/fair-start/draw";
import type { Services } from "@/lib/services";
import { createFairStartPromotion, enter, expectedWinners, reachT0 } from "./fair-start";
import { createUsers } from "./fixtures";
import { attempt } from "./storm";

const sorted = (ids: readonly string[]) => [...ids].sort();

export function fairStartContract(engineName: string, services: () => Services) {
  describe(`fair start on the ${engineName} engine`, () => {
    it("winners are the lowest tickets, the engine agrees with PostgreSQL, latecomers get only what is left", async () => {
      const svc = services();
      const entrants = await createUsers(svc.db, 30, "USER", "entrant");
      const latecomers = await createUsers(svc.db, 10, "USER", "late");
      const p = await createFairStartPromotion(svc.db, { totalStock: 12 });
      // Every entrant twice, in parallel: one entry each.
      await Promise.all(entrants.flatMap((u) => [enter(svc, p.id, u.id), enter(svc, p.id, u.id)]));
      await reachT0(svc.db, p.id);
      expect(await runDraw(svc, p.id)).toBe("drawn");

      const promotion = await svc.db.promotion.findUniqueOrThrow({ where: { id: p.id } });
      const won = (await svc.db.entry.findMany({ where: { promotionId: p.id, status: "WON" } })).map((e) => e.userId);
      expect(sorted(won)).toEqual(
        sorted(
          expectedWinners(
            promotion.fairStartSeed!,
            entrants.map((u) => u.id),
            12,
          ),
        ),
      );
      expect(await svc.engine.stock.winners(p.id).then((ids) => ids && sorted(ids))).toEqual(sorted(won));
      expect((await svc.engine.stock.snapshot(p.id))?.remaining).toBe(0);

      // Entrants hear their result; latecomers find it gone: nobody is ahead of an entrant.
      const winner = await attempt(svc, p.id, won[0]);
      expect(winner).toMatchObject({ ok: false, code: "ALREADY_CLAIMED" });
      const loser = entrants.find((u) => !won.includes(u.id))!;
      expect(await attempt(svc, p.id, loser.id)).toMatchObject({ ok: false, code: "SOLD_OUT" });
      const late = await Promise.all(latecomers.map((u) => attempt(svc, p.id, u.id)));
      expect(late.every((o) => !o.ok && o.code === "SOLD_OUT")).toBe(true);
      expect(await svc.db.claim.count({ where: { promotionId: p.id } })).toBe(12);
    });
  });
}
