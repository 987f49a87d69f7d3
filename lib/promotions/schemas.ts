import { z } from "zod";
import { CURRENCY_CODES, isCurrencyCode, LARGEST_AMOUNT, LARGEST_ORDER_AMOUNT } from "@/lib/money/currencies";
import { promotionTermsIssues } from "./terms";
import { canonicalTimeZone } from "./time-zone";

// The rules for a promotion, shared by the admin API and the admin form.
// Unknown fields are rejected (strict), so a typo in a field name never silently does nothing.

export const MAX_STOCK = 10_000_000;

const isoDateTime = z.iso
  .datetime({ offset: true, message: "Use an ISO-8601 date-time, e.g. 2026-12-01T09:00:00Z." })
  .transform((s) => new Date(s));

export const discountSchema = z
  .object({
    type: z.enum(["AMOUNT", "PERCENT"]),
    // AMOUNT is in the currency's minor units (₩5,000 is 5000, $12.50 is 1250), bounded per
    // currency by promotionTermsIssues; PERCENT is 1..100.
    value: z.number().int().min(1).max(LARGEST_AMOUNT),
  })
  .strict()
  .refine((d) => d.type === "AMOUNT" || d.value <= 100, { message: "A percentage is at most 100.", path: ["value"] });

export const currencySchema = z
  .string()
  .refine(isCurrencyCode, { message: `Use one of the currencies ${CURRENCY_CODES.join(", ")} (ISO 4217).` });

/** An amount in minor units (the cap, the minimum order); null: none. */
const termAmount = z.number().int().min(1, "Use null for none.").max(LARGEST_ORDER_AMOUNT).nullable();

/** How long a claimed coupon stays valid: days after the claim, until a fixed instant, or for ever (null). */
export const validitySchema = z
  .union([z.object({ days: z.number().int().min(1).max(3_650) }).strict(), z.object({ until: isoDateTime }).strict()])
  .nullable();

/**
 * An IANA time-zone name (Asia/Seoul, Europe/Berlin, UTC), checked by Intl and stored in its
 * canonical spelling. Offsets such as "+09:00" are refused: a zone has daylight-saving rules an
 * offset has not.
 */
export const timeZoneSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/, "Use an IANA time-zone name, e.g. Asia/Seoul.")
  .transform((zone, ctx) => {
    const canonical = canonicalTimeZone(zone);
    if (canonical) return canonical;
    ctx.addIssue({ code: "custom", message: "Unknown time zone; use an IANA name, e.g. Asia/Seoul." });
    return z.NEVER;
  });

const serviceUrl = z.url({ protocol: /^https?$/, message: "Use an http(s) URL." }).max(2_000);

/** Who issues the coupons: built in (a code minted with the claim), or an external HTTP service. */
export const issuerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("BUILTIN") }).strict(),
  z
    .object({ type: z.literal("HTTP"), url: serviceUrl, secret: z.string().min(16, "Use at least 16 characters.").max(200) })
    .strict(),
]);

/** An optional eligibility service asked before stock is reserved; null removes it. */
export const validatorSchema = z
  .object({ url: serviceUrl, timeoutMs: z.number().int().min(100).max(10_000).optional() })
  .strict()
  .nullable();

/**
 * Fair start: entries open `windowSeconds` before the start and are drawn at the start, instead
 * of first come first served. Null: classic.
 */
export const fairStartSchema = z
  .object({ windowSeconds: z.number().int().min(10).max(86_400) })
  .strict()
  .nullable();

export const slugSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes.");

const fields = {
  title: z.string().trim().min(1, "A title is required.").max(120),
  description: z.string().trim().max(2_000),
  slug: slugSchema,
  totalStock: z.number().int().min(1).max(MAX_STOCK),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  discount: discountSchema,
  published: z.boolean(),
  issuer: issuerSchema,
  validator: validatorSchema,
  fairStart: fairStartSchema,
  currency: currencySchema,
  maxDiscountAmount: termAmount,
  minOrderAmount: termAmount,
  validity: validitySchema,
  timeZone: timeZoneSchema,
};

const endsAfterStart = (p: { startsAt?: Date; endsAt?: Date }) => !p.startsAt || !p.endsAt || p.endsAt > p.startsAt;
const endsAfterStartIssue = { message: "The end must be after the start.", path: ["endsAt"] };

/** The terms' rules across fields, as far as the body itself tells (the server checks again, see ./terms.ts). */
function termsRefinement(input: Parameters<typeof promotionTermsIssues>[0], ctx: z.RefinementCtx) {
  for (const issue of promotionTermsIssues(input)) ctx.addIssue({ code: "custom", ...issue });
}

export const createPromotionSchema = z
  .object({
    ...fields,
    description: fields.description.optional(),
    slug: fields.slug.optional(),
    published: fields.published.optional(),
    issuer: fields.issuer.optional(),
    validator: fields.validator.optional(),
    fairStart: fields.fairStart.optional(),
    // Optional: absent, the server's DEFAULT_CURRENCY / DEFAULT_TIME_ZONE; absent terms: none.
    currency: fields.currency.optional(),
    maxDiscountAmount: fields.maxDiscountAmount.optional(),
    minOrderAmount: fields.minOrderAmount.optional(),
    validity: fields.validity.optional(),
    timeZone: fields.timeZone.optional(),
  })
  .strict()
  .refine(endsAfterStart, endsAfterStartIssue)
  .superRefine(termsRefinement);

export const updatePromotionSchema = z
  .object({
    title: fields.title,
    description: fields.description,
    startsAt: fields.startsAt,
    endsAt: fields.endsAt,
    totalStock: fields.totalStock,
    published: fields.published,
    issuer: fields.issuer,
    validator: fields.validator,
    fairStart: fields.fairStart,
    currency: fields.currency,
    maxDiscountAmount: fields.maxDiscountAmount,
    minOrderAmount: fields.minOrderAmount,
    validity: fields.validity,
    timeZone: fields.timeZone,
  })
  .partial()
  .strict()
  .refine(endsAfterStart, endsAfterStartIssue)
  .superRefine(termsRefinement);

export type CreatePromotionInput = z.infer<typeof createPromotionSchema>;
export type UpdatePromotionInput = z.infer<typeof updatePromotionSchema>;

/** Route parameter: cuid-like ids only; anything else names nothing. */
export const promotionIdParams = z.object({ id: z.string().regex(/^[a-z0-9]{8,40}$/) });

/**
 * The public list's query (`GET /api/promotions`, the home page): every live and upcoming
 * promotion, plus one page of the ended ones, most recently ended first.
 */
export const publicListQuery = z.object({
  endedPage: z.coerce.number().int().min(1).max(10_000).default(1),
  endedPageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export type PublicListQuery = z.infer<typeof publicListQuery>;
