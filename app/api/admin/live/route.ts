import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";
import { liveHub } from "@/lib/live/hub";
import { promotionIdParams } from "@/lib/promotions/schemas";
import { services } from "@/lib/services";

const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: Next's compression (and proxies) must not buffer the stream.
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
};

// A stream per request, never cached or prerendered.
export const dynamic = "force-dynamic";

const query = z
  .object({
    // The promotions to watch (the detail page); absent: every promotion (the dashboard).
    ids: z
      .string()
      .transform((list) => list.split(","))
      .pipe(z.array(promotionIdParams.shape.id).min(1).max(50))
      .optional(),
  })
  .strict();

/**
 * Server-sent events for the admin screens: a snapshot, then the promotions that changed, at most
 * ~10 times a second. Every connection, reconnects with Last-Event-ID included, starts with a
 * fresh snapshot: each event carries whole figures, so there is nothing to replay.
 */
export const GET = route({ access: "admin", query }, async ({ req, query: { ids } }) => {
  const svc = services();
  if (!svc.engine.changes) {
    throw new DomainError("LIVE_UNAVAILABLE", "This deployment has no live stream; the admin screens poll instead.");
  }
  // HEAD (which Next answers with GET) gets the headers only: a stream nobody reads would stay open.
  if (req.method === "HEAD") return new Response(null, { headers: SSE_HEADERS });
  const stream = await liveHub(svc).open(ids ? [...new Set(ids)] : null);
  return new Response(stream, { headers: SSE_HEADERS });
});
