import { json, readJson, route } from "@/lib/http/route";
import { createPromotion, listPromotionsWithStats } from "@/lib/promotions/admin";
import { createPromotionSchema } from "@/lib/promotions/schemas";
import { services } from "@/lib/services";

export const GET = route({ access: "admin" }, async () => {
  return json({ promotions: await listPromotionsWithStats(services()) });
});

export const POST = route({ access: "admin" }, async ({ req, user }) => {
  const input = await readJson(req, createPromotionSchema);
  return json({ promotion: await createPromotion(services(), user.id, input) }, 201);
});
