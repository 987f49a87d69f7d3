import { json, route } from "@/lib/http/route";
import { getPublishedPromotion } from "@/lib/promotions/queries";
import { promotionIdParams } from "@/lib/promotions/schemas";
import { services } from "@/lib/services";

export const GET = route({ access: "public", params: promotionIdParams }, async ({ params }) => {
  const promotion = await getPublishedPromotion(services(), { id: params.id });
  return json({ promotion, serverTime: new Date().toISOString() });
});
