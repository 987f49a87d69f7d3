import { json, readJson, route } from "@/lib/http/route";
import { deletePromotion, getPromotionWithStats, updatePromotion } from "@/lib/promotions/admin";
import { promotionIdParams, updatePromotionSchema } from "@/lib/promotions/schemas";
import { services } from "@/lib/services";

const options = { access: "admin", params: promotionIdParams } as const;

export const GET = route(options, async ({ params }) => {
  return json(await getPromotionWithStats(services(), params.id));
});

export const PATCH = route(options, async ({ req, params, user }) => {
  const input = await readJson(req, updatePromotionSchema);
  return json(await updatePromotion(services(), user.id, params.id, input));
});

export const DELETE = route(options, async ({ params, user }) => {
  await deletePromotion(services(), user.id, params.id);
  return new Response(null, { status: 204 });
});
