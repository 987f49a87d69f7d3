import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";
import { metricsText } from "@/lib/metrics/scrape";
import { services } from "@/lib/services";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Compared in constant time (digests of equal length, whatever was sent). */
function authorized(header: string | null, token: string): boolean {
  return timingSafeEqual(digest(header ?? ""), digest(`Bearer ${token}`));
}

/**
 * Prometheus metrics (text exposition format). Off (404) unless METRICS_TOKEN is set; then it
 * takes `Authorization: Bearer <METRICS_TOKEN>` and answers 401 to anything else.
 */
export const GET = route({ access: "public" }, async ({ req }) => {
  if (!env.METRICS_TOKEN) throw new DomainError("NOT_FOUND", "Not found.");
  if (!authorized(req.header("authorization"), env.METRICS_TOKEN)) {
    throw new DomainError("UNAUTHENTICATED", "A valid Bearer METRICS_TOKEN is required.");
  }
  const { contentType, body } = await metricsText(services());
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});
