import type { StockSnapshot } from "@/lib/engine/stock/store";
import type { FairStartView } from "@/lib/fair-start/view";

export type PromotionStatus = "SCHEDULED" | "LIVE" | "PAUSED" | "SOLD_OUT" | "ENDED";
export type DiscountType = "AMOUNT" | "PERCENT";
/** How long a claimed coupon stays valid: days after the claim, until an instant, or forever (null). */
export type Validity = { days: number } | { until: string } | null;

/** A promotion as the API shows it. */
export interface PromotionView {
  id: string;
  slug: string;
  title: string;
  description: string;
  totalStock: number;
  remaining: number;
  startsAt: string;
  endsAt: string;
  status: PromotionStatus;
  discount: { type: DiscountType; value: number };
  /** ISO 4217 code (lib/money/currencies.ts); every amount is an integer in its minor units. */
  currency: string;
  /** PERCENT only: the most a coupon takes off; null: no cap. */
  maxDiscountAmount: number | null;
  /** The smallest order a coupon applies to; null: any. */
  minOrderAmount: number | null;
  validity: Validity;
  /** IANA zone the promotion's times are shown in; the instants themselves stay UTC. */
  timeZone: string;
  /** Fair-start settings: on one promotion's answers (null for classic), in lists only when set. */
  fairStart?: FairStartView | null;
}

export interface PromotionRow {
  id: string;
  slug: string;
  title: string;
  description: string;
  totalStock: number;
  claimedCount: number;
  startsAt: Date;
  endsAt: Date;
  paused: boolean;
  published: boolean;
  discountType: DiscountType;
  discountValue: number;
  currency: string;
  maxDiscountAmount: number | null;
  minOrderAmount: number | null;
  validityDays: number | null;
  validUntil: Date | null;
  timeZone: string;
}

/** The validity its two columns store: a fixed end, days after the claim, or none. */
export function storedValidity(
  row: Pick<PromotionRow, "validityDays" | "validUntil">,
): { days: number } | { until: Date } | null {
  if (row.validUntil) return { until: row.validUntil };
  if (row.validityDays !== null) return { days: row.validityDays };
  return null;
}

export function validityView(row: Pick<PromotionRow, "validityDays" | "validUntil">): Validity {
  const validity = storedValidity(row);
  return validity && "until" in validity ? { until: validity.until.toISOString() } : validity;
}

/** Ended wins over everything; then sold out, paused, not yet started, live. */
export function promotionStatus(
  s: Pick<StockSnapshot, "startsAt" | "endsAt" | "paused" | "remaining">,
  now: number,
): PromotionStatus {
  if (now >= s.endsAt) return "ENDED";
  if (s.remaining <= 0) return "SOLD_OUT";
  if (s.paused) return "PAUSED";
  if (now < s.startsAt) return "SCHEDULED";
  return "LIVE";
}

/** The engine's snapshot is the live view; the row's own counter stands in when there is none. */
/** What PostgreSQL says the stock engine should hold for a promotion. */
export function storedSnapshot(
  row: Pick<PromotionRow, "startsAt" | "endsAt" | "paused" | "published" | "totalStock" | "claimedCount">,
): StockSnapshot {
  return {
    startsAt: row.startsAt.getTime(),
    endsAt: row.endsAt.getTime(),
    paused: row.paused,
    published: row.published,
    totalStock: row.totalStock,
    remaining: row.totalStock - row.claimedCount,
  };
}

export function snapshotOf(row: PromotionRow, live: StockSnapshot | null): StockSnapshot {
  return live ?? storedSnapshot(row);
}

export function promotionView(row: PromotionRow, live: StockSnapshot | null, now = Date.now()): PromotionView {
  const snapshot = snapshotOf(row, live);
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    totalStock: snapshot.totalStock,
    remaining: Math.max(snapshot.remaining, 0),
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    status: promotionStatus(snapshot, now),
    discount: { type: row.discountType, value: row.discountValue },
    currency: row.currency,
    maxDiscountAmount: row.maxDiscountAmount,
    minOrderAmount: row.minOrderAmount,
    validity: validityView(row),
    timeZone: row.timeZone,
  };
}
