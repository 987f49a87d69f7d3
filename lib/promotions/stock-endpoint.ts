import "server-only";
import { json, endpoint } from "@/lib/http/route";
import { services } from "@/lib/services";
import { getLiveStock } from "./queries";
import { promotionIdParams } from "./schemas";

// A CDN may serve one answer for a second (and a stale one briefly while it refetches), so a
// crowd polling before the start costs the origin one request per second per edge, however big
// it is. Browsers keep none (max-age=0): the page's own clock sync must see fresh answers.
const CACHE_CONTROL = "public, max-age=0, s-maxage=1, stale-while-revalidate=5";

/** GET /api/promotions/{id}/stock: served by the stock engine alone, never by the database. */
export const stockEndpoint = endpoint({ access: "public", params: promotionIdParams }, async ({ params }) =>
  json(await getLiveStock(services(), params.id), 200, { "Cache-Control": CACHE_CONTROL }),
);
