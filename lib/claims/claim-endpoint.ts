import "server-only";
import { json, endpoint } from "@/lib/http/route";
import { countClaim } from "@/lib/metrics/collector";
import { outcomeOfError } from "@/lib/metrics/outcomes";
import { promotionIdParams } from "@/lib/promotions/schemas";
import { services } from "@/lib/services";
import { claimCoupon } from "./claim";
import { claimLimits } from "./limits";

/**
 * POST /api/promotions/{id}/claim. No body: who claims comes from the session, what from the URL.
 * 201: issued now; 202: recorded, an external coupon service issues it shortly. Served by the
 * App Router route handler and, in the production server, by the fast lane: the same code, so
 * the outcome counters (lib/metrics/collector.ts: in process, no I/O) count both lanes here.
 */
// The session check (revoked? disabled?) runs next to the claim script instead of before it: on a
// first claim it is one engine GET, and sent alongside the script it costs no extra round trip
// of latency (the bench's scenario (a): every claim a new person). claimCoupon awaits it before
// it answers or writes anything, and gives back a coupon won by a session that turned out void.
export const claimEndpoint = endpoint(
  { access: "user", params: promotionIdParams, deferSessionCheck: true },
  async ({ req, params, user, sessionGate }) => {
    const started = performance.now();
    const limits = claimLimits({ userId: user.id, ip: req.ip });
    let success;
    try {
      success = await claimCoupon(services(), {
        promotionId: params.id,
        userId: user.id,
        email: user.email,
        limits,
        sessionGate,
      });
    } catch (error) {
      const outcome = outcomeOfError(error);
      if (outcome) countClaim(params.id, user.id, outcome, performance.now() - started, outcome === "soldOut" ? 0 : null);
      throw error;
    }
    const { claim, remaining } = success;
    countClaim(params.id, user.id, "won", performance.now() - started, remaining);
    return json({ claim, remaining }, claim.status === "PENDING" ? 202 : 201);
  },
);
