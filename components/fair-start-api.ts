// The browser's calls for a fair-start draw (types only from lib/: nothing server-side is bundled).
import type { EntryView } from "@/lib/fair-start/entries";
import type { FairStartView } from "@/lib/fair-start/view";
import type { PromotionView } from "@/lib/promotions/view";
import { callApi, requestApi } from "./http";

export type Entry = EntryView;
export type FairStart = FairStartView;

/** POST /api/promotions/{id}/entry: 202 entered, 200 entered before; failures throw ApiFailure. */
export async function enterDraw(promotionId: string): Promise<Entry> {
  return (await requestApi<{ entry: Entry }>(`/api/promotions/${promotionId}/entry`, { method: "POST" })).data.entry;
}

/** GET /api/promotions/{id}/entry: the viewer's entry (404 NO_ENTRY throws). */
export async function fetchEntry(promotionId: string): Promise<Entry> {
  return (await callApi<{ entry: Entry }>(`/api/promotions/${promotionId}/entry`)).entry;
}

/** The promotion's fair-start view (entrants, and once drawn the seed). */
export async function fetchFairStart(promotionId: string): Promise<FairStart | null> {
  const { promotion } = await callApi<{ promotion: PromotionView }>(`/api/promotions/${promotionId}`);
  return promotion.fairStart ?? null;
}
