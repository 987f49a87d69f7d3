import { randomBytes } from "node:crypto";
import { isUniqueViolation } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError, notFound } from "@/lib/http/errors";
import type { Services } from "@/lib/services";
import { rebuildPromotion } from "@/lib/stock/rebuild";
import { clearSoldOut } from "@/lib/claims/sold-out-hint";
import { slugify, type CreatePromotionInput, type UpdatePromotionInput } from "./schemas";
import { claimRates } from "./reports";
import { promotionView, type PromotionRow } from "./view";

export interface PromotionStats {
  claimed: number; // active claims: issued + pending
  issued: number;
  pending: number;
  failed: number;
}

async function statsByPromotion({ db }: Services, ids: string[]): Promise<Map<string, PromotionStats>> {
  const groups = await db.claim.groupBy({ by: ["promotionId", "status"], where: { promotionId: { in: ids } }, _count: true });
  const stats = new Map(ids.map((id) => [id, { claimed: 0, issued: 0, pending: 0, failed: 0 }]));
  for (const g of groups) {
    const s = stats.get(g.promotionId)!;
    if (g.status === "ISSUED") s.issued = g._count;
    if (g.status === "PENDING") s.pending = g._count;
    if (g.status === "FAILED") s.failed = g._count;
    s.claimed = s.issued + s.pending;
  }
  return stats;
}

/** Admin view: the public fields plus draft/publish state. */
function adminView(row: PromotionRow & { published: boolean }, services: Services) {
  return services.stock.snapshot(row.id).then((live) => ({ ...promotionView(row, live), published: row.published }));
}

/** Every promotion with its counts and, for the dashboard, claims per second over the last minute. */
export async function listPromotionsWithStats(services: Services) {
  const rows = await services.db.promotion.findMany({ orderBy: { startsAt: "desc" } });
  const ids = rows.map((r) => r.id);
  const [stats, rates] = await Promise.all([statsByPromotion(services, ids), claimRates(services, ids)]);
  return Promise.all(
    rows.map(async (row) => ({ ...(await adminView(row, services)), stats: stats.get(row.id)!, claimsPerSecond: rates.get(row.id)! })),
  );
}

export async function getPromotionWithStats(services: Services, id: string) {
  const row = await services.db.promotion.findUnique({ where: { id } });
  if (!row) throw notFound();
  const stats = await statsByPromotion(services, [id]);
  return { promotion: await adminView(row, services), stats: stats.get(id)! };
}

export async function createPromotion(services: Services, actorId: string, input: CreatePromotionInput) {
  const data = {
    title: input.title,
    description: input.description ?? "",
    totalStock: input.totalStock,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    discountType: input.discount.type,
    discountValue: input.discount.value,
    published: input.published ?? false,
  };
  // An explicit slug must be free; a generated one gets a random suffix when taken.
  const candidates = input.slug
    ? [input.slug]
    : [slugify(input.title), ...Array.from({ length: 3 }, () => `${slugify(input.title)}-${randomBytes(3).toString("hex")}`)];
  for (const slug of candidates) {
    try {
      const row = await services.db.$transaction(async (tx) => {
        const created = await tx.promotion.create({ data: { ...data, slug } });
        await audit(tx, actorId, created.id, "create", { ...data, slug });
        return created;
      });
      return adminView(row, services);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new ApiError(409, "SLUG_TAKEN", "This slug is already used by another promotion.", { fields: { slug: ["Taken."] } });
}

const EDITABLE = ["title", "description", "startsAt", "endsAt", "totalStock", "published"] as const;

export async function updatePromotion(services: Services, actorId: string, id: string, input: UpdatePromotionInput) {
  await services.db.$transaction(async (tx) => {
    // Lock the row so the rules below and the audit's "from" values see what the update replaces.
    await tx.$executeRaw`SELECT 1 FROM "Promotion" WHERE id = ${id} FOR UPDATE`;
    const current = await tx.promotion.findUnique({ where: { id } });
    if (!current) throw notFound();
    const now = Date.now();
    const started = current.startsAt.getTime() <= now;
    if (started && input.startsAt && input.startsAt.getTime() !== current.startsAt.getTime()) {
      throw new ApiError(409, "PROMOTION_STARTED", "The start time cannot change once the promotion has started.");
    }
    const startsAt = input.startsAt ?? current.startsAt;
    const endsAt = input.endsAt ?? current.endsAt;
    if (endsAt <= startsAt) throw new ApiError(400, "INVALID_INPUT", "The end must be after the start.", { fields: { endsAt: ["The end must be after the start."] } });
    if (input.totalStock !== undefined && input.totalStock < current.claimedCount) {
      throw new ApiError(409, "BELOW_CLAIMED", `Stock cannot go below the ${current.claimedCount} coupons already claimed.`);
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of EDITABLE) {
      const to = input[field];
      const from = current[field];
      if (to !== undefined && String(to instanceof Date ? to.getTime() : to) !== String(from instanceof Date ? from.getTime() : from)) {
        changes[field] = { from, to };
      }
    }
    if (Object.keys(changes).length === 0) return;
    // Claims commit under the same row lock, so claimedCount cannot pass the new total.
    await tx.promotion.update({ where: { id }, data: input });
    await audit(tx, actorId, id, "update", changes);
  });
  await refreshStock(services, id);
  return getPromotionWithStats(services, id);
}

export async function setPaused(services: Services, actorId: string, id: string, paused: boolean) {
  await services.db.$transaction(async (tx) => {
    const current = await tx.promotion.findUnique({ where: { id }, select: { paused: true } });
    if (!current) throw notFound();
    if (current.paused === paused) return;
    await tx.promotion.update({ where: { id }, data: { paused } });
    await audit(tx, actorId, id, paused ? "pause" : "resume", { paused: { from: current.paused, to: paused } });
  });
  await refreshStock(services, id);
  return getPromotionWithStats(services, id);
}

export async function deletePromotion(services: Services, actorId: string, id: string) {
  await services.db.$transaction(async (tx) => {
    const current = await tx.promotion.findUnique({ where: { id }, include: { _count: { select: { claims: true } } } });
    if (!current) throw notFound();
    if (current._count.claims > 0) throw hasClaims();
    // The foreign key (ON DELETE RESTRICT) refuses the delete if a claim commits meanwhile.
    await tx.promotion.delete({ where: { id } });
    await audit(tx, actorId, null, "delete", { id, slug: current.slug, title: current.title });
  }).catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    if (code === "P2003" || code === "P2014") throw hasClaims();
    throw error;
  });
  await services.stock.drop(id);
}

const hasClaims = () => new ApiError(409, "HAS_CLAIMS", "A promotion with claims cannot be deleted. Unpublish it instead.");

function audit(tx: Prisma.TransactionClient, actorId: string, promotionId: string | null, action: string, changes: object) {
  return tx.auditLog.create({ data: { actorId, promotionId, action, changes: JSON.parse(JSON.stringify(changes)) } });
}

/** Every admin change reaches the stock engine before the response, so the next claim obeys it. */
async function refreshStock(services: Services, id: string) {
  clearSoldOut(id);
  await rebuildPromotion(services, id, true);
}
