import { z } from "zod";

// The rules for a promotion, shared by the admin API and the admin form.
// Unknown fields are rejected (strict), so a typo in a field name never silently does nothing.

export const MAX_STOCK = 10_000_000;

const isoDateTime = z.iso
  .datetime({ offset: true, message: "Use an ISO-8601 date-time, e.g. 2026-12-01T09:00:00Z." })
  .transform((s) => new Date(s));

export const discountSchema = z
  .object({
    type: z.enum(["AMOUNT", "PERCENT"]),
    // AMOUNT is in minor currency units (cents); PERCENT is 1..100.
    value: z.number().int().min(1),
  })
  .strict()
  .refine((d) => (d.type === "AMOUNT" ? d.value <= 1_000_000 : d.value <= 100), {
    message: "A percentage is at most 100; an amount at most 1,000,000 cents.",
    path: ["value"],
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
};

const endsAfterStart = (p: { startsAt?: Date; endsAt?: Date }) => !p.startsAt || !p.endsAt || p.endsAt > p.startsAt;
const endsAfterStartIssue = { message: "The end must be after the start.", path: ["endsAt"] };

export const createPromotionSchema = z
  .object({
    ...fields,
    description: fields.description.optional(),
    slug: fields.slug.optional(),
    published: fields.published.optional(),
    issuer: fields.issuer.optional(),
    validator: fields.validator.optional(),
    fairStart: fields.fairStart.optional(),
  })
  .strict()
  .refine(endsAfterStart, endsAfterStartIssue);

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
  })
  .partial()
  .strict()
  .refine(endsAfterStart, endsAfterStartIssue);

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
