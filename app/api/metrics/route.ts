import { env } from "@/lib/env";
import { route } from "@/lib/http/route";
import { metricsText } from "@/lib/metrics/scrape";
import { services } from "@/lib/services";

/**
 * Prometheus metrics (text exposition format). Off (404) unless METRICS_TOKEN is set; then it
 * takes `Authorization: Bearer <METRICS_TOKEN>` and answers 401 to anything else.
 */
export const GET = route(
  { access: "public", bearer: { secret: () => env.METRICS_TOKEN, name: "METRICS_TOKEN", unset: "NOT_FOUND" } },
  async () => {
    const { contentType, body } = await metricsText(services());
    return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
  },
);
