import { useTranslations } from "next-intl";
import type { PromotionView } from "@/lib/promotions/view";
import { useTermsText } from "./terms-text";

type Terms = Pick<PromotionView, "discount" | "currency" | "maxDiscountAmount" | "minOrderAmount" | "validity" | "timeZone">;

/** The coupon's terms as a list: cap (a capped percentage only), minimum order, validity after claiming. */
export function CouponTerms({ promotion }: { promotion: Terms }) {
  const t = useTranslations("promotion");
  const text = useTermsText();
  const cap = text.cap(promotion);
  return (
    <dl aria-label={t("terms")} className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {cap && (
        <>
          <dt className="text-slate-500">{t("maxDiscount")}</dt>
          <dd>{cap}</dd>
        </>
      )}
      <dt className="text-slate-500">{t("minOrder")}</dt>
      <dd>{text.minOrder(promotion)}</dd>
      <dt className="text-slate-500">{t("validity")}</dt>
      <dd>{text.validity(promotion)}</dd>
    </dl>
  );
}
