/** A claim as the API shows it. */
export interface ClaimView {
  id: string;
  promotionId: string;
  status: "ISSUED" | "PENDING" | "FAILED";
  couponCode: string | null;
  claimedAt: string;
  /** When the coupon stops being valid (fixed at claim time); null: never. */
  expiresAt: string | null;
}

export function claimView(c: {
  id: string;
  promotionId: string;
  status: string;
  couponCode: string | null;
  claimedAt: Date;
  expiresAt: Date | null;
}): ClaimView {
  return {
    id: c.id,
    promotionId: c.promotionId,
    status: c.status as ClaimView["status"],
    couponCode: c.couponCode,
    claimedAt: c.claimedAt.toISOString(),
    expiresAt: c.expiresAt?.toISOString() ?? null,
  };
}
