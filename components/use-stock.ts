"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { fetchStock, type Stock } from "./api";
import { betterOffset, offsetFrom } from "./clock-offset";
import { queryKeys } from "./query-keys";

const POLL_MS = 2000;

/**
 * Live stock and status of one promotion, polled every 2 s while the page is visible. Every poll
 * also measures the server's clock; the best measurement so far is kept (components/clock-offset.ts).
 * `patchStock` applies what a claim answer revealed (sold out, paused, not started) before the next poll.
 */
export function useStock(promotionId: string, initial: Stock) {
  const queryClient = useQueryClient();
  const queryKey = queryKeys.stock(promotionId);
  const { data } = useQuery({
    queryKey,
    queryFn: async (): Promise<Stock> => {
      const { stock, clock } = await fetchStock(promotionId);
      // Read after the answer, so a patch made meanwhile (a NOT_STARTED claim) is taken into account.
      const kept = queryClient.getQueryData<Stock>(queryKey)?.clock ?? null;
      return { ...stock, clock: betterOffset(kept, offsetFrom(clock)) };
    },
    initialData: initial,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
  const patchStock = useCallback(
    (change: Partial<Stock>) =>
      queryClient.setQueryData<Stock>(queryKeys.stock(promotionId), (old) => (old ? { ...old, ...change } : old)),
    [queryClient, promotionId],
  );
  return { stock: data, patchStock };
}
