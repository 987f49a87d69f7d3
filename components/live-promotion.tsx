"use client";
import { useState } from "react";
import type { PromotionView } from "@/lib/promotions/view";
import { clockOffset } from "./api";
import { ClaimButton } from "./claim-button";
import { StockMeter } from "./stock-meter";
import { useStock } from "./use-stock";

/** The live part of a promotion page: one stock poll feeding the meter and the claim button. */
export function LivePromotion({ promotion, serverTime }: { promotion: PromotionView; serverTime: string }) {
  // Measured once from the page; every stock poll measures it again.
  const [initialStock] = useState(() => ({
    remaining: promotion.remaining,
    totalStock: promotion.totalStock,
    status: promotion.status,
    serverTime,
    offsetMs: clockOffset(serverTime),
  }));
  const { stock, patchStock } = useStock(promotion.id, initialStock);
  return (
    <div className="space-y-5">
      <StockMeter stock={stock} />
      <ClaimButton promotion={promotion} stock={stock} patchStock={patchStock} serverTime={serverTime} />
    </div>
  );
}
