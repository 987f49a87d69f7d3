import { checkHealth } from "@/lib/health";
import { json, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "public" }, async () => {
  const health = await checkHealth();
  return json(health, health.status === "ok" ? 200 : 503, { "Cache-Control": "no-store" });
});
