"use client";
import { useMutation } from "@tanstack/react-query";
import { formatInTimeZone } from "date-fns-tz";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import type { FieldErrors } from "@/components/http";
import { javascriptRequiredAction } from "@/components/javascript-required";
import { useTermsText } from "@/components/terms-text";
import { useTimeValues } from "@/components/zoned-time";
import { formatDateTime, formatMoney, zoneLabel } from "@/lib/i18n/format";
import { CURRENCY_CODES } from "@/lib/money/currencies";
import { createPromotionSchema, updatePromotionSchema } from "@/lib/promotions/schemas";
import { createPromotion, updatePromotion, type AdminPromotion } from "./api";
import { fromZonedInput, useTimeZone } from "./datetime";
import { FormField, inputClass } from "../form-field";
import {
  createBody,
  emptyValues,
  schemaErrors,
  serverErrors,
  slugFromTitle,
  updateBodies,
  valuesOf,
  type FormDefaults,
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
  /** The IANA zones to choose from, as the server's runtime knows them (the same list on both renders). */
  timeZones: string[];
  /** A new promotion's currency and zone: the server's DEFAULT_CURRENCY and DEFAULT_TIME_ZONE. */
  defaults: FormDefaults;
}

/**
 * Create or edit a promotion. Checked with the API's own schema before sending; the server's
 * errors land on the same fields. It works only with JavaScript (it sends JSON); posted by the
 * browser itself before hydration, it goes to an endpoint that reads nothing and sends the admin
 * back with a notice, never the default GET to this page that would put its fields in the URL.
 * Its inputs have no `name` on purpose: the browser's own post carries none of them either.
 * Dates are typed in the promotion's zone, amounts in the currency's major units.
 */
export function PromotionForm({ promotion, claimed = 0, started = false, timeZones, defaults }: PromotionFormProps) {
  const t = useTranslations("adminForm");
  const locale = useLocale();
  const termsText = useTermsText();
  const timeValues = useTimeValues();
  const router = useRouter();
  const refresh = useRefreshAdmin();
  const viewerZone = useTimeZone();
  const [initial] = useState(() => (promotion ? valuesOf(promotion) : emptyValues(defaults)));
  const [values, setValues] = useState(initial);
  const [slugEdited, setSlugEdited] = useState(false);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [openedAt] = useState(() => new Date());

  const save = useMutation({
    mutationFn: (body: object) => (promotion ? updatePromotion(promotion.id, body) : createPromotion(body)),
    onSuccess: ({ promotion: saved }) => {
      void refresh();
      router.push(`/admin/promotions/${saved.id}`);
    },
  });
  const server = save.error ? serverErrors(save.error, { unreachable: t("unreachable"), fixFields: t("fixFields") }) : null;
  const errors: FieldErrors = { ...clientErrors, ...server?.fields };
  const alert = server?.message ?? (Object.keys(clientErrors).length > 0 ? t("fixFields") : null);

  const set = <K extends keyof FormValues>(field: K, value: FormValues[K]) => setValues((v) => ({ ...v, [field]: value }));

  function onTitle(title: string) {
    setValues((v) => ({ ...v, title, slug: slugEdited ? v.slug : slugFromTitle(title) }));
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    if (!promotion) {
      const body = createBody(values);
      const invalid = schemaErrors(createPromotionSchema, body, values, t("required"));
      setClientErrors(invalid ?? {});
      if (!invalid) save.mutate(body);
      return;
    }
    const { all, changed } = updateBodies(values, initial);
    const invalid = schemaErrors(updatePromotionSchema, all, values, t("required"));
    setClientErrors(invalid ?? {});
    if (invalid) return;
    if (Object.keys(changed).length === 0) router.push(`/admin/promotions/${promotion.id}`);
    else save.mutate(changed);
  }

  const zone = values.timeZone;
  // "KST, UTC+9": the zone's name and offset at the typed start (or now), so DST shows as it will apply.
  const startInstant = fromZonedInput(values.startsAt, zone);
  const label = zoneLabel(zone, startInstant && !Number.isNaN(Date.parse(startInstant)) ? new Date(startInstant) : openedAt);
  const zoneNote = t("zoneNote", { zone, label });
  /** The zone, and what a typed local time is as an instant: in UTC and in the viewer's own zone. */
  const timeHint = (value: string, extra?: ReactNode) => {
    const iso = fromZonedInput(value, zone);
    const valid = iso !== undefined && !Number.isNaN(Date.parse(iso));
    return (
      <>
        {zoneNote}
        {extra && <> {extra}</>}
        {valid && (
          <span className="block" data-testid="instant-preview">
            {t("preview", {
              utc: formatInTimeZone(iso, "UTC", "yyyy-MM-dd HH:mm:ss 'UTC'"),
              viewer: viewerZone ? formatDateTime(iso, viewerZone, locale) : "…",
            })}
          </span>
        )}
      </>
    );
  };
  const currency = values.currency;
  const example = formatMoney(currency === "KRW" || currency === "JPY" ? 5000 : 1250, currency, locale);
  const discountPreview = (() => {
    const body = createBody(values);
    const value = body.discount.value;
    if (value === undefined || !Number.isInteger(value) || value <= 0) return undefined;
    const shown = termsText.headline({
      discount: { type: values.discountType, value },
      currency,
      maxDiscountAmount: body.maxDiscountAmount ?? null,
    });
    return t("shownAs", { text: shown });
  })();

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

      <FormField label={t("title")} errors={errors.title}>
        {(a11y) => <input {...a11y} value={values.title} onChange={(e) => onTitle(e.target.value)} className={inputClass} />}
      </FormField>

      <FormField label={t("description")} hint={t("descriptionHint")} errors={errors.description}>
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
        label={t("slug")}
        hint={promotion ? t("slugFixed") : t("slugHint", { slug: values.slug || "…" })}
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
        label={t("totalStock")}
        hint={claimed > 0 ? t("claimedHint", { claimed }) : undefined}
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

      <FormField label={t("timeZone")} hint={t("timeZoneHint", { label })} errors={errors.timeZone}>
        {(a11y) => (
          <select
            {...a11y}
            value={zone}
            onChange={(e) => set("timeZone", e.target.value)}
            className={`${inputClass} sm:max-w-80`}
          >
            {(timeZones.includes(zone) ? timeZones : [zone, ...timeZones]).map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        )}
      </FormField>

      <div className="grid gap-5 sm:grid-cols-2">
        <FormField
          label={t("startsAt")}
          hint={timeHint(
            values.startsAt,
            started && promotion ? t.rich("startedLock", timeValues(promotion.startsAt, promotion.timeZone)) : undefined,
          )}
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
        <FormField label={t("endsAt")} hint={timeHint(values.endsAt)} errors={errors.endsAt}>
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

      <div className="grid gap-5 sm:grid-cols-3">
        <FormField label={t("currency")} errors={errors.currency}>
          {(a11y) => (
            <select {...a11y} value={currency} onChange={(e) => set("currency", e.target.value)} className={inputClass}>
              {CURRENCY_CODES.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("discountType")} hint={promotion ? t("fixedOnceCreated") : undefined}>
          {(a11y) => (
            <select
              {...a11y}
              value={values.discountType}
              disabled={!!promotion}
              onChange={(e) => set("discountType", e.target.value as FormValues["discountType"])}
              className={inputClass}
            >
              <option value="PERCENT">{t("percentOff")}</option>
              <option value="AMOUNT">{t("amountOff")}</option>
            </select>
          )}
        </FormField>
        <FormField
          label={t("discountValue")}
          hint={
            discountPreview ??
            (values.discountType === "AMOUNT" ? t("discountValueAmountHint", { currency, example }) : undefined)
          }
          errors={errors.discount}
        >
          {(a11y) => (
            <input
              {...a11y}
              inputMode="decimal"
              value={values.discountValue}
              disabled={!!promotion}
              onChange={(e) => set("discountValue", e.target.value)}
              className={inputClass}
            />
          )}
        </FormField>
      </div>

      <div className="grid gap-5 sm:grid-cols-2">
        {values.discountType === "PERCENT" && (
          <FormField label={t("maxDiscount")} hint={t("maxDiscountHint", { currency })} errors={errors.maxDiscountAmount}>
            {(a11y) => (
              <input
                {...a11y}
                inputMode="decimal"
                value={values.maxDiscount}
                onChange={(e) => set("maxDiscount", e.target.value)}
                className={inputClass}
              />
            )}
          </FormField>
        )}
        <FormField label={t("minOrder")} hint={t("minOrderHint", { currency })} errors={errors.minOrderAmount}>
          {(a11y) => (
            <input
              {...a11y}
              inputMode="decimal"
              value={values.minOrder}
              onChange={(e) => set("minOrder", e.target.value)}
              className={inputClass}
            />
          )}
        </FormField>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("validity")}</legend>
        {(["none", "days", "until"] as const).map((kind) => (
          <label key={kind} className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="radio"
              name="validityKind"
              value={kind}
              checked={values.validityKind === kind}
              onChange={() => set("validityKind", kind)}
              className="size-4 accent-slate-900"
            />
            {t(kind === "none" ? "validityNone" : kind === "days" ? "validityDays" : "validityUntil")}
          </label>
        ))}
        {values.validityKind === "days" && (
          <FormField label={t("validityDaysInput")} hint={t("validityDaysHint")} errors={errors.validity}>
            {(a11y) => (
              <input
                {...a11y}
                type="number"
                inputMode="numeric"
                min={1}
                max={3650}
                value={values.validityDays}
                onChange={(e) => set("validityDays", e.target.value)}
                className={`${inputClass} sm:max-w-48`}
              />
            )}
          </FormField>
        )}
        {values.validityKind === "until" && (
          <FormField label={t("validUntilInput")} hint={timeHint(values.validUntil)} errors={errors.validity}>
            {(a11y) => (
              <input
                {...a11y}
                type="datetime-local"
                step={1}
                value={values.validUntil}
                onChange={(e) => set("validUntil", e.target.value)}
                className={`${inputClass} sm:max-w-72`}
              />
            )}
          </FormField>
        )}
      </fieldset>

      <fieldset className="space-y-2">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            checked={values.fairStart}
            onChange={(e) => set("fairStart", e.target.checked)}
            className="size-4 accent-slate-900"
          />
          {t("fairStart")}
        </label>
        <p className="text-sm text-slate-500">{t("fairStartHint")}</p>
        {values.fairStart && (
          <FormField label={t("fairStartWindow")} hint={t("fairStartWindowHint")} errors={errors.fairStart}>
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
          {t("published")}
        </label>
        <p className="text-sm text-slate-500">{t("publishedHint")}</p>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={save.isPending || save.isSuccess} className={buttonClass.primary}>
          {save.isPending ? t("saving") : promotion ? t("save") : t("create")}
        </button>
        <Link
          href={promotion ? `/admin/promotions/${promotion.id}` : "/admin"}
          className="text-sm font-medium text-slate-700 underline"
        >
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
