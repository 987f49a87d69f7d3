import { json, route } from "@/lib/http/route";
import { reconcile } from "@/lib/promotions/reconcile";
import { services } from "@/lib/services";

/** Compare the stock engine with PostgreSQL. */
export const GET = route({ access: "admin" }, async () => {
  return json({ promotions: await reconcile(services()) });
});

/** Compare, and reload every drifted promotion from PostgreSQL. */
export const POST = route({ access: "admin" }, async () => {
  return json({ promotions: await reconcile(services(), { fix: true }) });
});
