import type { PromotionView } from "@/lib/promotions/view";

/** "25% off" or "$5.00 off" (AMOUNT values are cents). */
export function formatDiscount({ type, value }: PromotionView["discount"]): string {
  if (type === "PERCENT") return `${value}% off`;
  return `${new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(value / 100)} off`;
}
