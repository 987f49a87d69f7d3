import { claimCoupon, rejectIfKnownSoldOut } from "@/lib/claims/claim";
import { assertWithinRateLimits, clientIp } from "@/lib/claims/rate-limit";
import { route } from "@/lib/http/route";
import { promotionIdParams } from "@/lib/promotions/schemas";
import { services } from "@/lib/services";

// The claim takes no body: who claims comes from the session, what from the URL.
export const POST = route({ access: "user", params: promotionIdParams }, async ({ req, params, user }) => {
  rejectIfKnownSoldOut(params.id);
  const svc = services();
  await assertWithinRateLimits(svc.stock, { userId: user.id, ip: clientIp(req) });
  const { claim, remaining } = await claimCoupon(svc, params.id, user.id, user.email);
  // 201: issued now; 202: recorded, an external coupon service issues it shortly.
  return Response.json({ claim, remaining }, { status: claim.status === "PENDING" ? 202 : 201 });
});
