// What the promotion form holds, and how it becomes an API body checked by the shared schema.
import { z } from "zod";
import { ApiFailure, type FieldErrors } from "@/components/http";
import { type createPromotionSchema, type updatePromotionSchema } from "@/lib/promotions/schemas";
import { slugify } from "@/lib/promotions/slug";
import type { DiscountType } from "@/lib/promotions/view";
import type { AdminPromotion } from "./api";
import { fromLocalInput, toLocalInput } from "./datetime";

/** Input values as typed: numbers as text, times as `datetime-local` values in the browser's zone. */
export interface FormValues {
  title: string;
  description: string;
  slug: string;
  totalStock: string;
  startsAt: string;
  endsAt: string;
  discountType: DiscountType;
  discountValue: string;
  published: boolean;
  /** Fair start: a draw at the start among those who entered in the window before it. */
  fairStart: boolean;
  fairStartWindow: string;
}

export const emptyValues: FormValues = {
  title: "",
  description: "",
  slug: "",
  totalStock: "",
  startsAt: "",
  endsAt: "",
  discountType: "PERCENT",
  discountValue: "",
  published: false,
  fairStart: false,
  fairStartWindow: "600",
};

export function valuesOf(p: AdminPromotion): FormValues {
  return {
    title: p.title,
    description: p.description,
    slug: p.slug,
    totalStock: String(p.totalStock),
    startsAt: toLocalInput(p.startsAt),
    endsAt: toLocalInput(p.endsAt),
    discountType: p.discount.type,
    discountValue: String(p.discount.value),
    published: p.published,
    fairStart: p.fairStart !== null,
    fairStartWindow: String(p.fairStart?.windowSeconds ?? 600),
  };
}

const fairStartBody = (v: FormValues) => (v.fairStart ? { windowSeconds: toNumber(v.fairStartWindow) } : null);

/** While the slug was not typed by hand, it follows the title. */
export const slugFromTitle = (title: string) => (title.trim() ? slugify(title) : "");

const toNumber = (text: string) => (text.trim() === "" ? undefined : Number(text));

/** The POST body. An empty slug is left out: the server derives one from the title. */
export function createBody(v: FormValues) {
  return {
    title: v.title,
    description: v.description,
    slug: v.slug || undefined,
    totalStock: toNumber(v.totalStock),
    startsAt: fromLocalInput(v.startsAt),
    endsAt: fromLocalInput(v.endsAt),
    discount: { type: v.discountType, value: toNumber(v.discountValue) },
    published: v.published,
    fairStart: v.fairStart ? fairStartBody(v) : undefined,
  };
}

const EDITABLE = ["title", "description", "startsAt", "endsAt", "totalStock", "published"] as const;

/**
 * The PATCH body: only the fields that changed (the API refuses unknown ones, and an unchanged
 * start time must not be re-sent for a started promotion). Compared as typed, so a start time
 * with milliseconds is not "changed" by its round trip through the minute-and-second input.
 * `all` holds every editable field, to check cross-field rules such as end after start.
 */
export function updateBodies(v: FormValues, initial: FormValues) {
  const all = {
    title: v.title,
    description: v.description,
    startsAt: fromLocalInput(v.startsAt),
    endsAt: fromLocalInput(v.endsAt),
    totalStock: toNumber(v.totalStock),
    published: v.published,
  };
  const changed: Record<string, unknown> = Object.fromEntries(
    EDITABLE.filter((f) => v[f] !== initial[f]).map((f) => [f, all[f]]),
  );
  // Fair start is sent only when switched or its window changed: it locks once entries open.
  if (v.fairStart !== initial.fairStart || (v.fairStart && v.fairStartWindow !== initial.fairStartWindow)) {
    changed.fairStart = fairStartBody(v);
  }
  return { all, changed };
}

// Which input an error of the schema (keyed by body field) belongs to.
const INPUT_OF: Record<string, keyof FormValues> = { discount: "discountValue", fairStart: "fairStartWindow" };

/** Errors of the shared schema per field, or null when the body is valid. */
export function schemaErrors(
  schema: typeof createPromotionSchema | typeof updatePromotionSchema,
  body: unknown,
  values: FormValues,
): FieldErrors | null {
  const result = schema.safeParse(body);
  if (result.success) return null;
  const fields: FieldErrors = z.flattenError(result.error).fieldErrors;
  // The schema judged these invalid; for an input left empty, "Required." says it plainly.
  for (const field of Object.keys(fields)) {
    if (values[INPUT_OF[field] ?? (field as keyof FormValues)] === "") fields[field] = ["Required."];
  }
  return fields;
}

// Conflicts the server reports without `fields`, shown next to the input they concern.
const FIELD_OF_CODE: Record<string, string> = {
  PROMOTION_STARTED: "startsAt",
  BELOW_CLAIMED: "totalStock",
  FAIR_START_LOCKED: "fairStart",
};

export function serverErrors(error: Error): { fields: FieldErrors; message: string } {
  if (!(error instanceof ApiFailure)) return { fields: {}, message: "Could not reach the server. Please try again." };
  const field = FIELD_OF_CODE[error.code];
  const fields = field ? { [field]: [error.message] } : error.fields;
  const message = Object.keys(fields).length > 0 ? "Please fix the fields marked below." : error.message;
  return { fields, message };
}
