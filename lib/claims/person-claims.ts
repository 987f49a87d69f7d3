import type { Db } from "@/lib/db";
import { claimView, type ClaimView } from "./view";

// A person's own claims: the list on their coupons page, and the one they hold on a promotion.

/**
 * A person's claims, newest first, with the promotion they belong to and its coupon terms (what
 * the coupon takes off, its cap and minimum order, and the zone its dates are shown in).
 */
export async function listClaimsOf(db: Db, userId: string) {
  const claims = await db.claim.findMany({
    where: { userId },
    orderBy: { claimedAt: "desc" },
    include: {
      promotion: {
        select: {
          id: true,
          title: true,
          slug: true,
          currency: true,
          discountType: true,
          discountValue: true,
          maxDiscountAmount: true,
          minOrderAmount: true,
          timeZone: true,
        },
      },
    },
  });
  return claims.map((c) => {
    const { discountType, discountValue, ...promotion } = c.promotion;
    return { ...claimView(c), promotion: { ...promotion, discount: { type: discountType, value: discountValue } } };
  });
}

/** A person's active claim (issued, or being issued) on one promotion; null when they hold none. */
export async function findActiveClaim(db: Db, userId: string, promotionId: string): Promise<ClaimView | null> {
  const claim = await db.claim.findFirst({
    where: { promotionId, userId, status: { in: ["PENDING", "ISSUED"] } },
    orderBy: { claimedAt: "desc" },
  });
  return claim && claimView(claim);
}
