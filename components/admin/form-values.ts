// What the promotion form holds, and how it becomes an API body checked by the shared schema.
import { z } from "zod";
import { ApiFailure, type FieldErrors } from "@/components/http";
import { minorDigitsOf, toMinor } from "@/lib/i18n/format";
import { type createPromotionSchema, type updatePromotionSchema } from "@/lib/promotions/schemas";
import { slugify } from "@/lib/promotions/slug";
import type { DiscountType } from "@/lib/promotions/view";
import type { AdminPromotion } from "./api";
import { fromZonedInput, toZonedInput } from "./datetime";

export type ValidityKind = "none" | "days" | "until";

/**
 * Input values as typed: numbers as text, amounts in major units of the currency ("5000" won,
 * "12.50" dollars), times as `datetime-local` values in the promotion's own zone (`timeZone`).
 */
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
  currency: string;
  /** PERCENT only: the most a coupon takes off, in major units; empty for no cap. */
  maxDiscount: string;
  /** The smallest order, in major units; empty for none. */
  minOrder: string;
  validityKind: ValidityKind;
  validityDays: string;
  /** `datetime-local`, in the promotion's zone. */
  validUntil: string;
  timeZone: string;
}

/** What a new promotion starts from: the server's DEFAULT_CURRENCY and DEFAULT_TIME_ZONE. */
export interface FormDefaults {
  currency: string;
  timeZone: string;
}

export const emptyValues = (defaults: FormDefaults): FormValues => ({
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
  currency: defaults.currency,
  maxDiscount: "",
  minOrder: "",
  validityKind: "none",
  validityDays: "7",
  validUntil: "",
  timeZone: defaults.timeZone,
});

/** Minor units as the major amount typed in the form: 1250 USD -> "12.50", 5000 KRW -> "5000". */
export const majorText = (minor: number | null, currency: string): string =>
  minor === null ? "" : (minor / 10 ** minorDigitsOf(currency)).toFixed(minorDigitsOf(currency));

export function valuesOf(p: AdminPromotion): FormValues {
  return {
    title: p.title,
    description: p.description,
    slug: p.slug,
    totalStock: String(p.totalStock),
    startsAt: toZonedInput(p.startsAt, p.timeZone),
    endsAt: toZonedInput(p.endsAt, p.timeZone),
    discountType: p.discount.type,
    discountValue: p.discount.type === "AMOUNT" ? majorText(p.discount.value, p.currency) : String(p.discount.value),
    published: p.published,
    fairStart: p.fairStart !== null,
    fairStartWindow: String(p.fairStart?.windowSeconds ?? 600),
    currency: p.currency,
    maxDiscount: majorText(p.maxDiscountAmount, p.currency),
    minOrder: majorText(p.minOrderAmount, p.currency),
    validityKind: p.validity === null ? "none" : "days" in p.validity ? "days" : "until",
    validityDays: p.validity && "days" in p.validity ? String(p.validity.days) : "7",
    validUntil: p.validity && "until" in p.validity ? toZonedInput(p.validity.until, p.timeZone) : "",
    timeZone: p.timeZone,
  };
}

/** A typed amount in minor units: undefined when empty, NaN (refused by the schema) when it is no amount of the currency. */
const amount = (text: string, currency: string) => (text.trim() === "" ? undefined : (toMinor(text, currency) ?? Number.NaN));

/** The coupon terms of the body, as the API names them. */
function termsBody(v: FormValues) {
  const validity =
    v.validityKind === "none"
      ? null
      : v.validityKind === "days"
        ? { days: toNumber(v.validityDays) }
        : { until: fromZonedInput(v.validUntil, v.timeZone) };
  return {
    currency: v.currency,
    maxDiscountAmount: v.discountType === "PERCENT" ? (amount(v.maxDiscount, v.currency) ?? null) : null,
    minOrderAmount: amount(v.minOrder, v.currency) ?? null,
    validity,
    timeZone: v.timeZone,
  };
}

const discountValue = (v: FormValues) =>
  v.discountType === "AMOUNT" ? amount(v.discountValue, v.currency) : toNumber(v.discountValue);

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
    startsAt: fromZonedInput(v.startsAt, v.timeZone),
    endsAt: fromZonedInput(v.endsAt, v.timeZone),
    discount: { type: v.discountType, value: discountValue(v) },
    ...termsBody(v),
    published: v.published,
    fairStart: v.fairStart ? fairStartBody(v) : undefined,
  };
}

const EDITABLE = ["title", "description", "startsAt", "endsAt", "totalStock", "published"] as const;
// The form values behind each coupon term the PATCH may send.
const TERM_INPUTS = {
  currency: ["currency"],
  maxDiscountAmount: ["maxDiscount", "currency"],
  minOrderAmount: ["minOrder", "currency"],
  validity: ["validityKind", "validityDays", "validUntil", "timeZone"],
  timeZone: ["timeZone"],
} as const satisfies Record<string, readonly (keyof FormValues)[]>;

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
    startsAt: fromZonedInput(v.startsAt, v.timeZone),
    endsAt: fromZonedInput(v.endsAt, v.timeZone),
    totalStock: toNumber(v.totalStock),
    published: v.published,
    ...termsBody(v),
  };
  // A new zone moves the instants typed in it: start and end are sent again.
  const zoneMoved = v.timeZone !== initial.timeZone;
  const changed: Record<string, unknown> = Object.fromEntries(
    EDITABLE.filter((f) => v[f] !== initial[f] || (zoneMoved && (f === "startsAt" || f === "endsAt"))).map((f) => [f, all[f]]),
  );
  for (const [term, inputs] of Object.entries(TERM_INPUTS) as [keyof typeof TERM_INPUTS, readonly (keyof FormValues)[]][]) {
    if (inputs.some((input) => v[input] !== initial[input])) changed[term] = all[term];
  }
  // Fair start is sent only when switched or its window changed: it locks once entries open.
  if (v.fairStart !== initial.fairStart || (v.fairStart && v.fairStartWindow !== initial.fairStartWindow)) {
    changed.fairStart = fairStartBody(v);
  }
  return { all, changed };
}

// Which input an error of the schema (keyed by body field) belongs to.
const INPUT_OF: Record<string, keyof FormValues> = {
  discount: "discountValue",
  fairStart: "fairStartWindow",
  maxDiscountAmount: "maxDiscount",
  minOrderAmount: "minOrder",
  validity: "validityDays",
};

/** Errors of the shared schema per field, or null when the body is valid. */
export function schemaErrors(
  schema: typeof createPromotionSchema | typeof updatePromotionSchema,
  body: unknown,
  values: FormValues,
  required: string,
): FieldErrors | null {
  const result = schema.safeParse(body);
  if (result.success) return null;
  const fields: FieldErrors = z.flattenError(result.error).fieldErrors;
  // The schema judged these invalid; for an input left empty, "Required." says it plainly.
  for (const field of Object.keys(fields)) {
    if (values[INPUT_OF[field] ?? (field as keyof FormValues)] === "") fields[field] = [required];
  }
  return fields;
}

// Conflicts the server reports without `fields`, shown next to the input they concern.
const FIELD_OF_CODE: Record<string, string> = {
  PROMOTION_STARTED: "startsAt",
  BELOW_CLAIMED: "totalStock",
  FAIR_START_LOCKED: "fairStart",
};

/** The form's own sentences, in the viewer's language. */
export interface FormTexts {
  unreachable: string;
  fixFields: string;
}

export function serverErrors(error: Error, texts: FormTexts): { fields: FieldErrors; message: string } {
  if (!(error instanceof ApiFailure)) return { fields: {}, message: texts.unreachable };
  const field = FIELD_OF_CODE[error.code];
  const fields = field ? { [field]: [error.message] } : error.fields;
  const message = Object.keys(fields).length > 0 ? texts.fixFields : error.message;
  return { fields, message };
}
