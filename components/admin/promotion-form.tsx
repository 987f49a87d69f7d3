"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { formatDiscount } from "@/components/discount";
import type { FieldErrors } from "@/components/http";
import { javascriptRequiredAction } from "@/components/javascript-required";
import { LocalTime } from "@/components/local-time";
import { createPromotionSchema, updatePromotionSchema } from "@/lib/promotions/schemas";
import { createPromotion, updatePromotion, type AdminPromotion } from "./api";
import { useTimeZone } from "./datetime";
import { FormField, inputClass } from "../form-field";
import {
  createBody,
  emptyValues,
  schemaErrors,
  serverErrors,
  slugFromTitle,
  updateBodies,
  valuesOf,
  type FormValues,
} from "./form-values";
import { useRefreshAdmin } from "./queries";
import { buttonClass } from "./styles";

interface PromotionFormProps {
  /** The promotion to edit; none to create one. */
  promotion?: AdminPromotion;
  /** Coupons already claimed: the stock cannot go below. */
  claimed?: number;
  /** A started promotion keeps its start time. */
  started?: boolean;
}

/**
 * Create or edit a promotion. Checked with the API's own schema before sending; the server's
 * errors land on the same fields. It works only with JavaScript (it sends JSON); posted by the
 * browser itself before hydration, it goes to an endpoint that reads nothing and sends the admin
 * back with a notice, never the default GET to this page that would put its fields in the URL.
 * Its inputs have no `name` on purpose: the browser's own post carries none of them either.
 */
export function PromotionForm({ promotion, claimed = 0, started = false }: PromotionFormProps) {
  const router = useRouter();
  const refresh = useRefreshAdmin();
  const zone = useTimeZone();
  const [initial] = useState(() => (promotion ? valuesOf(promotion) : emptyValues));
  const [values, setValues] = useState(initial);
  const [slugEdited, setSlugEdited] = useState(false);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const save = useMutation({
    mutationFn: (body: object) => (promotion ? updatePromotion(promotion.id, body) : createPromotion(body)),
    onSuccess: ({ promotion: saved }) => {
      void refresh();
      router.push(`/admin/promotions/${saved.id}`);
    },
  });
  const server = save.error ? serverErrors(save.error) : null;
  const errors: FieldErrors = { ...clientErrors, ...server?.fields };
  const alert = server?.message ?? (Object.keys(clientErrors).length > 0 ? "Please fix the fields marked below." : null);

  const set = <K extends keyof FormValues>(field: K, value: FormValues[K]) => setValues((v) => ({ ...v, [field]: value }));

  function onTitle(title: string) {
    setValues((v) => ({ ...v, title, slug: slugEdited ? v.slug : slugFromTitle(title) }));
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    if (!promotion) {
      const body = createBody(values);
      const invalid = schemaErrors(createPromotionSchema, body, values);
      setClientErrors(invalid ?? {});
      if (!invalid) save.mutate(body);
      return;
    }
    const { all, changed } = updateBodies(values, initial);
    const invalid = schemaErrors(updatePromotionSchema, all, values);
    setClientErrors(invalid ?? {});
    if (invalid) return;
    if (Object.keys(changed).length === 0) router.push(`/admin/promotions/${promotion.id}`);
    else save.mutate(changed);
  }

  // Inputs and stored values differ in zone; saying which one is typed avoids an hour-off drop.
  const zoneNote = `Time zone: ${zone ?? "your browser's"}.`;
  const discountPreview =
    Number.isInteger(Number(values.discountValue)) && Number(values.discountValue) > 0
      ? `Shown as “${formatDiscount({ type: values.discountType, value: Number(values.discountValue) })}”.`
      : undefined;

  return (
    <form
      method="post"
      action={javascriptRequiredAction(promotion ? `/admin/promotions/${promotion.id}/edit` : "/admin/promotions/new")}
      onSubmit={onSubmit}
      noValidate
      className="space-y-5"
    >
      {alert && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
          {alert}
        </p>
      )}

      <FormField label="Title" errors={errors.title}>
        {(a11y) => <input {...a11y} value={values.title} onChange={(e) => onTitle(e.target.value)} className={inputClass} />}
      </FormField>

      <FormField label="Description" hint="Optional. Shown on the promotion page." errors={errors.description}>
        {(a11y) => (
          <textarea
            {...a11y}
            rows={3}
            value={values.description}
            onChange={(e) => set("description", e.target.value)}
            className={`${inputClass} h-auto py-2`}
          />
        )}
      </FormField>

      <FormField
        label="Slug"
        hint={
          promotion
            ? "Fixed once created, so links to the promotion keep working."
            : `The link will be /p/${values.slug || "…"}. Derived from the title until you edit it.`
        }
        errors={errors.slug}
      >
        {(a11y) => (
          <input
            {...a11y}
            value={values.slug}
            disabled={!!promotion}
            onChange={(e) => {
              setSlugEdited(true);
              set("slug", e.target.value);
            }}
            className={inputClass}
          />
        )}
      </FormField>

      <FormField
        label="Total stock"
        hint={
          claimed > 0 ? `${claimed} already claimed: the stock can be topped up, or lowered to ${claimed} at least.` : undefined
        }
        errors={errors.totalStock}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="number"
            inputMode="numeric"
            value={values.totalStock}
            onChange={(e) => set("totalStock", e.target.value)}
            className={`${inputClass} sm:max-w-48`}
          />
        )}
      </FormField>

      <div className="grid gap-5 sm:grid-cols-2">
        <FormField
          label="Starts at"
          hint={
            started && promotion ? (
              <>
                {zoneNote} Locked: the promotion started <LocalTime iso={promotion.startsAt} /> and people have acted on it.
              </>
            ) : (
              zoneNote
            )
          }
          errors={errors.startsAt}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="datetime-local"
              step={1}
              value={values.startsAt}
              disabled={started}
              onChange={(e) => set("startsAt", e.target.value)}
              className={inputClass}
            />
          )}
        </FormField>
        <FormField label="Ends at" hint={zoneNote} errors={errors.endsAt}>
          {(a11y) => (
            <input
              {...a11y}
              type="datetime-local"
              step={1}
              value={values.endsAt}
              onChange={(e) => set("endsAt", e.target.value)}
              className={inputClass}
            />
          )}
        </FormField>
      </div>

      <div className="grid gap-5 sm:grid-cols-2">
        <FormField label="Discount type" hint={promotion ? "Fixed once created." : undefined}>
          {(a11y) => (
            <select
              {...a11y}
              value={values.discountType}
              disabled={!!promotion}
              onChange={(e) => set("discountType", e.target.value as FormValues["discountType"])}
              className={inputClass}
            >
              <option value="PERCENT">Percent off</option>
              <option value="AMOUNT">Amount off (in cents)</option>
            </select>
          )}
        </FormField>
        <FormField label="Discount value" hint={discountPreview} errors={errors.discount}>
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              inputMode="numeric"
              value={values.discountValue}
              disabled={!!promotion}
              onChange={(e) => set("discountValue", e.target.value)}
              className={inputClass}
            />
          )}
        </FormField>
      </div>

      <fieldset className="space-y-2">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            checked={values.fairStart}
            onChange={(e) => set("fairStart", e.target.checked)}
            className="size-4 accent-slate-900"
          />
          Fair start
        </label>
        <p className="text-sm text-slate-500">
          People enter during a window before the start; at the start a verifiable draw picks the winners, so speed does not
          matter. Locked once entries open.
        </p>
        {values.fairStart && (
          <FormField
            label="Entry window (seconds)"
            hint="10 to 86,400; entries open this long before the start."
            errors={errors.fairStart}
          >
            {(a11y) => (
              <input
                {...a11y}
                type="number"
                inputMode="numeric"
                min={10}
                max={86_400}
                value={values.fairStartWindow}
                onChange={(e) => set("fairStartWindow", e.target.value)}
                className={inputClass}
              />
            )}
          </FormField>
        )}
      </fieldset>

      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            checked={values.published}
            onChange={(e) => set("published", e.target.checked)}
            className="size-4 accent-slate-900"
          />
          Published
        </label>
        <p className="text-sm text-slate-500">Drafts are hidden from claimers.</p>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={save.isPending || save.isSuccess} className={buttonClass.primary}>
          {save.isPending ? "Saving…" : promotion ? "Save changes" : "Create promotion"}
        </button>
        <Link
          href={promotion ? `/admin/promotions/${promotion.id}` : "/admin"}
          className="text-sm font-medium text-slate-700 underline"
        >
          Cancel
        </Link>
      </div>
    </form>
  );
}
