import "server-only";
import type { Throttles } from "@/lib/engine/throttles/throttles";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { endpoint, json } from "@/lib/http/route";
import { promotionIdParams } from "@/lib/promotions/schemas";
import { services } from "@/lib/services";
import { enterDraw, myEntry } from "./entries";

/**
 * Entries count against the same per-user and per-address limits as claims (RATE_LIMIT_USER,
 * RATE_LIMIT_IP; RATE_LIMIT=off: none), in windows of their own.
 */
async function checkEntryRate(throttles: Throttles, userId: string, ip: string): Promise<void> {
  if (env.RATE_LIMIT === "off") return;
  const now = Date.now();
  const wait =
    (await throttles.attempt(`entry:user:${userId}`, env.RATE_LIMIT_USER, now)) ||
    (await throttles.attempt(`entry:ip:${ip}`, env.RATE_LIMIT_IP, now));
  if (wait > 0) throw new DomainError("RATE_LIMITED", "Too many attempts. Please wait a moment.", {}, wait);
}

/** POST /api/promotions/{id}/entry: 202 {entry} when entered, 200 {entry} when entered before. */
export const enterEndpoint = endpoint({ access: "user", params: promotionIdParams }, async ({ req, params, user }) => {
  const svc = services();
  await checkEntryRate(svc.engine.throttles, user.id, req.ip);
  const { entry, created } = await enterDraw(svc, { promotionId: params.id, userId: user.id, email: user.email });
  return json({ entry }, created ? 202 : 200);
});

/** GET /api/promotions/{id}/entry: the caller's entry and, once drawn, its result. */
export const entryEndpoint = endpoint({ access: "user", params: promotionIdParams }, async ({ params, user }) => {
  return json({ entry: await myEntry(services(), params.id, user.id) });
});
