import type { PromotionView } from "@/lib/promotions/view";
import { useTermsText } from "./terms-text";

/** "10% off · up to ₩3,000" in the viewer's language. */
export function PromotionHeadline({
  promotion,
}: {
  promotion: Pick<PromotionView, "discount" | "currency" | "maxDiscountAmount">;
}) {
  return useTermsText().headline(promotion);
}
