"use client";
import { useState } from "react";
import type { ClaimView } from "@/lib/claims/view";
import type { PromotionView } from "@/lib/promotions/view";
import { sampleOnArrival, type Stock } from "./api";
import { ClaimButton } from "./claim-button";
import { offsetFrom } from "./clock-offset";
import { StockMeter } from "./stock-meter";
import { useStock } from "./use-stock";

interface Props {
  promotion: PromotionView;
  serverTime: string;
  /** The viewer's own claim on it, if they hold one. */
  claim: ClaimView | null;
}

/** The live part of a promotion page: one stock poll feeding the meter and the claim button. */
export function LivePromotion({ promotion, serverTime, claim }: Props) {
  // "Sold out" is news for those still hoping for a coupon, not for the person holding one.
  const [holdsClaim, setHoldsClaim] = useState(claim !== null);
  // The page itself is the first clock sample: its request left no earlier than the navigation
  // began (performance.now() counts from there), so that is its round trip. Polls do better.
  const [initialStock] = useState<Stock>(() => ({
    remaining: promotion.remaining,
    totalStock: promotion.totalStock,
    status: promotion.status,
    serverTime,
    clock: offsetFrom(sampleOnArrival(serverTime, null, 0)),
  }));
  const { stock, patchStock } = useStock(promotion.id, initialStock);
  return (
    <div className="space-y-5">
      <StockMeter stock={stock} soldOutBadge={!holdsClaim} />
      <ClaimButton
        promotion={promotion}
        stock={stock}
        patchStock={patchStock}
        serverTime={serverTime}
        heldClaim={claim}
        onClaimHeld={() => setHoldsClaim(true)}
      />
    </div>
  );
}
