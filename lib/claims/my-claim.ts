import type { Db } from "@/lib/db";
import { claimView, type ClaimView } from "./view";

/** A person's active claim (issued, or being issued) on one promotion; null when they hold none. */
export async function findActiveClaim(db: Db, userId: string, promotionId: string): Promise<ClaimView | null> {
  const claim = await db.claim.findFirst({
    where: { promotionId, userId, status: { in: ["PENDING", "ISSUED"] } },
    orderBy: { claimedAt: "desc" },
  });
  return claim && claimView(claim);
}
