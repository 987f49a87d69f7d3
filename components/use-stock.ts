"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { fetchStock, type Stock } from "./api";
import { queryKeys } from "./query-keys";

const POLL_MS = 2000;

/**
 * Live stock and status of one promotion, polled every 2 s while the page is visible.
 * `patchStock` applies what a claim answer revealed (sold out, paused...) before the next poll.
 */
export function useStock(promotionId: string, initial: Stock) {
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: queryKeys.stock(promotionId),
    queryFn: () => fetchStock(promotionId),
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
