import { json, route } from "@/lib/http/route";
import { services } from "@/lib/services";
import { reconcile } from "@/lib/stock/reconcile";

/** Compare the stock engine with PostgreSQL. */
export const GET = route({ access: "admin" }, async () => {
  return json({ promotions: await reconcile(services()) });
});

/** Compare, and reload every drifted promotion from PostgreSQL. */
export const POST = route({ access: "admin" }, async () => {
  return json({ promotions: await reconcile(services(), { fix: true }) });
});
