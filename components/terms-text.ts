import { useLocale, useTranslations } from "next-intl";
import { formatDateTime, formatMoney } from "@/lib/i18n/format";
import type { PromotionView } from "@/lib/promotions/view";

type Money = Pick<PromotionView, "currency">;

/**
 * A promotion's coupon terms as sentences in the viewer's language: "10% off", "₩5,000 off" /
 * "5,000원 할인", the cap, the minimum order and how long a claimed coupon stays valid. A hook
 * (next-intl's), usable in server and client components alike.
 */
export function useTermsText() {
  const t = useTranslations();
  const locale = useLocale();
  const money = (minor: number, { currency }: Money) => formatMoney(minor, currency, locale);
  return {
    money,
    /** "10% off · up to ₩3,000" / "10% 할인 · 최대 3,000원": the discount with its cap, if any. */
    headline: (p: Money & Pick<PromotionView, "discount" | "maxDiscountAmount">): string => {
      const discount =
        p.discount.type === "PERCENT"
          ? t("discount.percentOff", { value: p.discount.value })
          : t("discount.amountOff", { amount: money(p.discount.value, p) });
      return p.maxDiscountAmount === null
        ? discount
        : `${discount} · ${t("discount.upTo", { amount: money(p.maxDiscountAmount, p) })}`;
    },
    /** The cap as an amount, or null without one. */
    cap: (p: Money & Pick<PromotionView, "maxDiscountAmount">): string | null =>
      p.maxDiscountAmount === null ? null : money(p.maxDiscountAmount, p),
    minOrder: (p: Money & Pick<PromotionView, "minOrderAmount">): string =>
      p.minOrderAmount === null ? t("discount.noMinimum") : t("discount.ordersFrom", { amount: money(p.minOrderAmount, p) }),
    validity: (p: Pick<PromotionView, "validity" | "timeZone">): string => {
      if (p.validity === null) return t("validity.none");
      if ("days" in p.validity) return t("validity.days", { days: p.validity.days });
      return t("validity.until", { time: formatDateTime(p.validity.until, p.timeZone, locale) });
    },
  };
}
