import { json, route } from "@/lib/http/route";
import { listPublicPromotions } from "@/lib/promotions/queries";
import { publicListQuery } from "@/lib/promotions/schemas";
import { services } from "@/lib/services";

export const dynamic = "force-dynamic";

// Unknown parameters are refused like unknown JSON fields: a typo never silently does nothing.
const query = publicListQuery.strict();

export const GET = route({ access: "public", query }, async ({ query }) => json(await listPublicPromotions(services(), query)));
