import { route } from "@/lib/http/route";
import { getLiveStock } from "@/lib/promotions/queries";
import { promotionIdParams } from "@/lib/promotions/schemas";
import { services } from "@/lib/services";

export const GET = route({ access: "public", params: promotionIdParams }, async ({ params }) => {
  return Response.json(await getLiveStock(services(), params.id), { headers: { "Cache-Control": "no-store" } });
});
