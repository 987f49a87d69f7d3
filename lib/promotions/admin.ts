import { randomBytes } from "node:crypto";
import { writeAudit } from "@/lib/audit/audit-log";
import { forgetSoldOut } from "@/lib/claims/sold-out";
import { isUniqueViolation } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError, notFound } from "@/lib/errors/domain-error";
import { fillFromWaitlist } from "@/lib/fair-start/award";
import { forgetEntryWindow } from "@/lib/fair-start/entries";
import { fairStartViews } from "@/lib/fair-start/public";
import { prismaSql } from "@/lib/fair-start/sql";
import { newSeed, seedSha256 } from "@/lib/fair-start/ticket";
import type { FairStartColumns, FairStartView } from "@/lib/fair-start/view";
import type { Prisma } from "@/lib/generated/prisma/client";
import { markChanged } from "@/lib/live/changes";
import { rebuildPromotion } from "@/lib/promotions/rebuild";
import type { Services } from "@/lib/services";
import { forgetClaimConfig } from "./claim-config";
import { type CreatePromotionInput, type UpdatePromotionInput } from "./schemas";
import { slugify } from "./slug";
import { claimRates, statsByPromotion } from "./stats";
import { promotionTermsIssues, type PromotionTerms } from "./terms";
import { promotionView, storedValidity, type PromotionRow } from "./view";

type AdminRow = PromotionRow &
  FairStartColumns & {
    issuerType: "BUILTIN" | "HTTP";
    issuerUrl: string | null;
    validatorUrl: string | null;
    validatorTimeoutMs: number | null;
  };

/**
 * Admin view: the public fields plus publish state and service settings (never the secret; the
 * fair-start seed stays hidden from admins too until the draw, see lib/fair-start/view.ts).
 */
async function adminView(row: AdminRow, services: Services, fairStart?: FairStartView | null) {
  const live = await services.engine.stock.snapshot(row.id);
  return {
    ...promotionView(row, live),
    fairStart: fairStart !== undefined ? fairStart : ((await fairStartViews(services, [row])).get(row.id) ?? null),
    published: row.published,
    // Its own flag: SOLD_OUT and ENDED outrank PAUSED in `status`, yet a paused promotion must
    // still offer "Resume".
    paused: row.paused,
    issuer: row.issuerType === "HTTP" ? { type: "HTTP" as const, url: row.issuerUrl } : { type: "BUILTIN" as const },
    validator: row.validatorUrl ? { url: row.validatorUrl, timeoutMs: row.validatorTimeoutMs } : null,
  };
}

/** The issuer and validator settings as columns; absent inputs leave columns untouched. */
function serviceColumns(input: Pick<UpdatePromotionInput, "issuer" | "validator">) {
  return {
    ...(input.issuer && {
      issuerType: input.issuer.type,
      issuerUrl: input.issuer.type === "HTTP" ? input.issuer.url : null,
      issuerSecret: input.issuer.type === "HTTP" ? input.issuer.secret : null,
    }),
    ...(input.validator !== undefined && {
      validatorUrl: input.validator?.url ?? null,
      validatorTimeoutMs: input.validator?.timeoutMs ?? null,
    }),
  };
}

/** The validity as columns; absent leaves them untouched, null clears both. */
function validityColumns(validity: UpdatePromotionInput["validity"]) {
  if (validity === undefined) return {};
  return {
    validityDays: validity && "days" in validity ? validity.days : null,
    validUntil: validity && "until" in validity ? validity.until : null,
  };
}

/** The rules between the terms (./terms.ts) on what the promotion will be; any breach is a 400. */
function assertTerms(terms: PromotionTerms) {
  const issues = promotionTermsIssues(terms);
  if (issues.length === 0) return;
  const fields: Record<string, string[]> = {};
  // Keyed by the top-level field, as a schema's own errors are (z.flattenError).
  for (const { path, message } of issues) (fields[String(path[0])] ??= []).push(message);
  throw new DomainError("INVALID_INPUT", issues[0].message, { fields });
}

/**
 * Every promotion (or those of `onlyIds`, for the live stream) with its counts and, for the
 * dashboard, claims per second over the last minute.
 */
export async function listPromotionsWithStats(services: Services, onlyIds?: readonly string[]) {
  const rows = await services.db.promotion.findMany({
    where: onlyIds ? { id: { in: [...onlyIds] } } : undefined,
    orderBy: { startsAt: "desc" },
  });
  const ids = rows.map((r) => r.id);
  const [stats, rates, fair] = await Promise.all([
    statsByPromotion(services, ids),
    claimRates(services, rows),
    fairStartViews(services, rows),
  ]);
  return Promise.all(
    rows.map(async (row) => ({
      ...(await adminView(row, services, fair.get(row.id) ?? null)),
      stats: stats.get(row.id)!,
      claimsPerSecond: rates.get(row.id)!,
    })),
  );
}

export async function getPromotionWithStats(services: Services, id: string) {
  const row = await services.db.promotion.findUnique({ where: { id } });
  if (!row) throw notFound();
  const stats = await statsByPromotion(services, [id]);
  return { promotion: await adminView(row, services), stats: stats.get(id)! };
}

export async function createPromotion(services: Services, actorId: string, input: CreatePromotionInput) {
  const currency = input.currency ?? env.DEFAULT_CURRENCY;
  assertTerms({ ...input, currency });
  const data = {
    title: input.title,
    description: input.description ?? "",
    totalStock: input.totalStock,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    discountType: input.discount.type,
    discountValue: input.discount.value,
    currency,
    maxDiscountAmount: input.maxDiscountAmount ?? null,
    minOrderAmount: input.minOrderAmount ?? null,
    ...validityColumns(input.validity ?? null),
    timeZone: input.timeZone ?? env.DEFAULT_TIME_ZONE,
    published: input.published ?? false,
    ...serviceColumns(input),
    ...(input.fairStart && newFairStart(input.fairStart.windowSeconds)),
  };
  // An explicit slug must be free; a generated one gets a random suffix when taken (and a title
  // with nothing to romanize gets only random ones: never one placeholder shared by many).
  const base = slugify(input.title);
  const suffixed = Array.from({ length: 3 }, () => `${base || "promotion"}-${randomBytes(3).toString("hex")}`);
  const candidates = input.slug ? [input.slug] : base ? [base, ...suffixed] : suffixed;
  for (const slug of candidates) {
    try {
      const row = await services.db.$transaction(async (tx) => {
        const created = await tx.promotion.create({ data: { ...data, slug } });
        await audit(tx, actorId, created.id, "create", {
          ...data,
          slug,
          issuerSecret: data.issuerSecret && "***",
          fairStartSeed: data.fairStartSeed && "***",
        });
        return created;
      });
      markChanged(services.engine, row.id);
      return adminView(row, services);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new DomainError("SLUG_TAKEN", "This slug is already used by another promotion.", { fields: { slug: ["Taken."] } });
}

const comparable = (v: unknown) => String(v instanceof Date ? v.getTime() : v);

/** A new commitment: the secret seed and its public hash, drawn when fair start is switched on. */
function newFairStart(windowSeconds: number) {
  const seed = newSeed();
  return { fairStartWindowSeconds: windowSeconds, fairStartSeed: seed, fairStartSeedSha256: seedSha256(seed) };
}

/** The fair-start columns a PATCH writes: a new seed only when switched on, none kept when off. */
function fairStartColumns(input: UpdatePromotionInput["fairStart"], current: FairStartColumns) {
  if (input === undefined) return {};
  if (input === null) {
    return { fairStartWindowSeconds: null, fairStartSeed: null, fairStartSeedSha256: null, fairStartDrawnAt: null };
  }
  if (current.fairStartSeed) return { fairStartWindowSeconds: input.windowSeconds };
  return newFairStart(input.windowSeconds);
}

const SECRET_FIELDS = new Set(["issuerSecret", "fairStartSeed"]);

/**
 * After a fair-start promotion's entry window has opened, neither its fair start nor its start
 * may change (the commitment and T0 are what entrants relied on); a classic promotion that has
 * started cannot become a fair-start one.
 */
function assertFairStartUnlocked(current: FairStartColumns, input: UpdatePromotionInput, now: number) {
  const fairChange = input.fairStart !== undefined && (input.fairStart?.windowSeconds ?? null) !== current.fairStartWindowSeconds;
  const startChange = input.startsAt !== undefined && input.startsAt.getTime() !== current.startsAt.getTime();
  const windowOpened =
    current.fairStartWindowSeconds !== null && now >= current.startsAt.getTime() - current.fairStartWindowSeconds * 1_000;
  if ((windowOpened && (fairChange || startChange)) || (fairChange && now >= current.startsAt.getTime())) {
    throw new DomainError("FAIR_START_LOCKED", "Fair start and the start time cannot change once entries have opened.");
  }
}

export async function updatePromotion(services: Services, actorId: string, id: string, input: UpdatePromotionInput) {
  await services.db.$transaction(async (tx) => {
    // Lock the row so the rules below and the audit's "from" values see what the update replaces.
    await tx.$executeRaw`SELECT 1 FROM "Promotion" WHERE id = ${id} FOR UPDATE`;
    const current = await tx.promotion.findUnique({ where: { id } });
    if (!current) throw notFound();
    const now = Date.now();
    assertFairStartUnlocked(current, input, now);
    const started = current.startsAt.getTime() <= now;
    if (started && input.startsAt && input.startsAt.getTime() !== current.startsAt.getTime()) {
      throw new DomainError("PROMOTION_STARTED", "The start time cannot change once the promotion has started.");
    }
    const startsAt = input.startsAt ?? current.startsAt;
    const endsAt = input.endsAt ?? current.endsAt;
    if (endsAt <= startsAt)
      throw new DomainError("INVALID_INPUT", "The end must be after the start.", {
        fields: { endsAt: ["The end must be after the start."] },
      });
    if (input.totalStock !== undefined && input.totalStock < current.claimedCount) {
      throw new DomainError("BELOW_CLAIMED", `Stock cannot go below the ${current.claimedCount} coupons already claimed.`);
    }
    assertTerms({
      currency: input.currency ?? current.currency,
      discount: { type: current.discountType, value: current.discountValue },
      maxDiscountAmount: input.maxDiscountAmount !== undefined ? input.maxDiscountAmount : current.maxDiscountAmount,
      minOrderAmount: input.minOrderAmount !== undefined ? input.minOrderAmount : current.minOrderAmount,
      validity: input.validity !== undefined ? input.validity : storedValidity(current),
      endsAt,
    });
    const { issuer: _issuer, validator: _validator, fairStart: _fairStart, validity: _validity, ...plain } = input;
    const data = {
      ...plain,
      ...serviceColumns(input),
      ...fairStartColumns(input.fairStart, current),
      ...validityColumns(input.validity),
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [field, to] of Object.entries(data)) {
      const from = current[field as keyof typeof current];
      if (to !== undefined && comparable(to) !== comparable(from)) {
        changes[field] = SECRET_FIELDS.has(field) ? { from: "***", to: "***" } : { from, to };
      }
    }
    if (Object.keys(changes).length === 0) return;
    if (TERMS_FIELDS.some((field) => changes[field]) && (await hasAnyClaim(tx, id))) throw termsLocked();
    // Claims commit under the same row lock, so claimedCount cannot pass the new total.
    await tx.promotion.update({ where: { id }, data });
    await audit(tx, actorId, id, "update", changes);
    // A top-up of a drawn fair-start promotion goes down the line of lost entrants first.
    if (changes.totalStock) await fillFromWaitlist(prismaSql(tx), id);
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
  await services.db
    .$transaction(async (tx) => {
      const current = await tx.promotion.findUnique({ where: { id }, include: { _count: { select: { claims: true } } } });
      if (!current) throw notFound();
      if (current._count.claims > 0) throw hasClaims();
      // The foreign key (ON DELETE RESTRICT) refuses the delete if a claim commits meanwhile.
      await tx.promotion.delete({ where: { id } });
      await audit(tx, actorId, null, "delete", { id, slug: current.slug, title: current.title });
    })
    .catch((error: unknown) => {
      const code = (error as { code?: string }).code;
      if (code === "P2003" || code === "P2014") throw hasClaims();
      throw error;
    });
  forgetClaimConfig(id);
  await services.engine.stock.drop(id);
  markChanged(services.engine, id);
}

// The coupon's terms: what claimers were promised and the coupon service minted (and each claim's
// expiresAt came from). Once anyone has claimed, they stay; the time zone (display only) may change.
const TERMS_FIELDS = ["currency", "maxDiscountAmount", "minOrderAmount", "validityDays", "validUntil"];

/** Any claim at all, failed ones included. Under the row lock, so no claim commits meanwhile. */
const hasAnyClaim = async (tx: Prisma.TransactionClient, id: string) =>
  (await tx.claim.findFirst({ where: { promotionId: id }, select: { id: true } })) !== null;

const termsLocked = () =>
  new DomainError(
    "TERMS_LOCKED",
    "The coupon's currency, cap, minimum order and validity cannot change once it has been claimed.",
  );

const hasClaims = () => new DomainError("HAS_CLAIMS", "A promotion with claims cannot be deleted. Unpublish it instead.");

const audit = (tx: Prisma.TransactionClient, actorId: string, promotionId: string | null, action: string, changes: object) =>
  writeAudit(tx, actorId, { promotionId }, action, changes);

/**
 * Every admin change reaches the stock engine before the response, so the next claim obeys it.
 * Other instances drop their one-second caches (sold-out hint, claim settings) on their own.
 */
async function refreshStock(services: Services, id: string) {
  forgetSoldOut(id);
  forgetClaimConfig(id);
  forgetEntryWindow(id);
  await rebuildPromotion(services, id, true);
  markChanged(services.engine, id);
}
