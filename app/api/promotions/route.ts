import { route } from "@/lib/http/route";
import { listPublishedPromotions } from "@/lib/promotions/queries";
import { services } from "@/lib/services";

export const dynamic = "force-dynamic";

export const GET = route({ access: "public" }, async () => {
  return Response.json({ promotions: await listPublishedPromotions(services()) });
});
