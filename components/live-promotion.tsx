"use client";
import { useState } from "react";
import type { PromotionView } from "@/lib/promotions/view";
import { sampleOnArrival, type Stock } from "./api";
import { ClaimButton } from "./claim-button";
import { offsetFrom } from "./clock-offset";
import { StockMeter } from "./stock-meter";
import { useStock } from "./use-stock";

/** The live part of a promotion page: one stock poll feeding the meter and the claim button. */
export function LivePromotion({ promotion, serverTime }: { promotion: PromotionView; serverTime: string }) {
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
      <StockMeter stock={stock} />
      <ClaimButton promotion={promotion} stock={stock} patchStock={patchStock} serverTime={serverTime} />
    </div>
  );
}
