import { json, route } from "@/lib/http/route";
import { listAudit } from "@/lib/promotions/reports";
import { promotionIdParams } from "@/lib/promotions/schemas";
import { services } from "@/lib/services";

export const GET = route({ access: "admin", params: promotionIdParams }, async ({ params }) => {
  return json({ entries: await listAudit(services(), params.id) });
});
