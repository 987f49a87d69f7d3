import { formatMoney } from "@/lib/i18n/format";
import { CURRENCIES, isCurrencyCode, maxOrderAmount } from "@/lib/money/currencies";

// The rules between a promotion's coupon terms: the bounds of its currency, a cap for
// percentages only, and a validity that lasts at least as long as the claim window. The schemas
// apply them to a request body as far as it tells; the server applies them again to what the
// promotion will be (the default currency, a PATCH over the stored row).

export interface PromotionTerms {
  currency?: string;
  discount?: { type: "AMOUNT" | "PERCENT"; value: number };
  maxDiscountAmount?: number | null;
  minOrderAmount?: number | null;
  validity?: { days: number } | { until: Date } | null;
  endsAt?: Date;
}

export interface TermsIssue {
  path: (string | number)[];
  message: string;
}

export function promotionTermsIssues(terms: PromotionTerms): TermsIssue[] {
  const issues: TermsIssue[] = [];
  const { currency, discount, maxDiscountAmount, minOrderAmount, validity, endsAt } = terms;
  if (maxDiscountAmount != null && discount?.type === "AMOUNT") {
    issues.push({ path: ["maxDiscountAmount"], message: "A maximum discount applies to percentage discounts only." });
  }
  if (currency !== undefined && isCurrencyCode(currency)) {
    const max = CURRENCIES[currency].maxAmount;
    const atMost = (amount: number) => `At most ${formatMoney(amount, currency, "en")} in ${currency}.`;
    if (discount?.type === "AMOUNT" && discount.value > max) issues.push({ path: ["discount", "value"], message: atMost(max) });
    if (maxDiscountAmount != null && maxDiscountAmount > max) issues.push({ path: ["maxDiscountAmount"], message: atMost(max) });
    const maxOrder = maxOrderAmount(currency);
    if (minOrderAmount != null && minOrderAmount > maxOrder) issues.push({ path: ["minOrderAmount"], message: atMost(maxOrder) });
  }
  if (validity && "until" in validity && endsAt && validity.until < endsAt) {
    issues.push({ path: ["validity", "until"], message: "Coupons must stay valid at least until the promotion ends." });
  }
  return issues;
}
