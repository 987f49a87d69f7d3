import { claimCoupon } from "@/lib/claims/claim";
import { route } from "@/lib/http/route";
import { promotionIdParams } from "@/lib/promotions/schemas";
import { services } from "@/lib/services";

// The claim takes no body: who claims comes from the session, what from the URL.
export const POST = route({ access: "user", params: promotionIdParams }, async ({ params, user }) => {
  const { status, claim, remaining } = await claimCoupon(services(), params.id, user.id, user.email);
  return Response.json({ claim, remaining }, { status });
});
