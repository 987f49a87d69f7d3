import type { Db } from "@/lib/db";
import { claimView, type ClaimView } from "./view";

// A person's own claims: the list on their coupons page, and the one they hold on a promotion.

/** A person's claims, newest first, with the promotion they belong to. */
export async function listClaimsOf(db: Db, userId: string) {
  const claims = await db.claim.findMany({
    where: { userId },
    orderBy: { claimedAt: "desc" },
    include: { promotion: { select: { id: true, title: true, slug: true } } },
  });
  return claims.map((c) => ({ ...claimView(c), promotion: c.promotion }));
}

/** A person's active claim (issued, or being issued) on one promotion; null when they hold none. */
export async function findActiveClaim(db: Db, userId: string, promotionId: string): Promise<ClaimView | null> {
  const claim = await db.claim.findFirst({
    where: { promotionId, userId, status: { in: ["PENDING", "ISSUED"] } },
    orderBy: { claimedAt: "desc" },
  });
  return claim && claimView(claim);
}
