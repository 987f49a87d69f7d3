import { json, route } from "@/lib/http/route";
import { setPaused } from "@/lib/promotions/admin";
import { promotionIdParams } from "@/lib/promotions/schemas";
import { services } from "@/lib/services";

export const POST = route({ access: "admin", params: promotionIdParams }, async ({ params, user }) => {
  return json(await setPaused(services(), user.id, params.id, false));
});
