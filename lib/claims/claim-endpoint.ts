import "server-only";
import { json, endpoint } from "@/lib/http/route";
import { promotionIdParams } from "@/lib/promotions/schemas";
import { services } from "@/lib/services";
import { claimCoupon } from "./claim";
import { claimLimits } from "./limits";

/**
 * POST /api/promotions/{id}/claim. No body: who claims comes from the session, what from the URL.
 * 201: issued now; 202: recorded, an external coupon service issues it shortly. Served by the
 * App Router route handler and, in the production server, by the fast lane: the same code.
 */
export const claimEndpoint = endpoint({ access: "user", params: promotionIdParams }, async ({ req, params, user }) => {
  const limits = claimLimits({ userId: user.id, ip: req.ip });
  const { claim, remaining } = await claimCoupon(services(), params.id, user.id, user.email, limits);
  return json({ claim, remaining }, claim.status === "PENDING" ? 202 : 201);
});
