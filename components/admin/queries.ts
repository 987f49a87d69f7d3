"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiFailure } from "@/components/http";
import { queryKeys } from "@/components/query-keys";
import { fetchAudit, fetchPromotion, fetchPromotions, fetchWinners, setPaused } from "./api";

/**
 * The fallback: while the live stream (use-live.ts) is not healthy, the admin queries poll, so
 * the dashboard still shows a claim within a second of it being made.
 */
export const LIVE_POLL_MS = 1000;

const keys = queryKeys.admin;

// 4xx answers (signed out, not an admin, deleted) do not get better by asking again.
const retry = (count: number, error: Error) => !(error instanceof ApiFailure && error.status < 500) && count < 3;

/** `poll: false` while the live stream keeps the list fresh. */
export function usePromotions({ poll = true } = {}) {
  return useQuery({
    queryKey: keys.promotions,
    queryFn: fetchPromotions,
    refetchInterval: poll ? LIVE_POLL_MS : false,
    retry,
  });
}

export function usePromotion(id: string, { poll = true } = {}) {
  return useQuery({
    queryKey: keys.promotion(id),
    queryFn: () => fetchPromotion(id),
    refetchInterval: poll ? LIVE_POLL_MS : false,
    retry,
  });
}

export function useWinners(id: string, page: number, pageSize: number, { poll = true } = {}) {
  return useQuery({
    queryKey: keys.winners(id, page, pageSize),
    queryFn: () => fetchWinners(id, page, pageSize),
    // New winners arrive on page 1; later pages would shift under the reader, so they stay put.
    // While the stream is healthy it refetches page 1 when the counts move (use-live.ts).
    refetchInterval: poll && page === 1 ? LIVE_POLL_MS : false,
    placeholderData: keepPreviousData,
    retry,
  });
}

export function useAudit(id: string) {
  return useQuery({ queryKey: keys.audit(id), queryFn: () => fetchAudit(id), retry });
}

/** Refetches every admin query; returned from onSuccess, so a mutation stays pending until fresh data is in. */
export function useRefreshAdmin() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.all });
}

export function useSetPaused(id: string) {
  const refresh = useRefreshAdmin();
  return useMutation({ mutationFn: (paused: boolean) => setPaused(id, paused), onSuccess: refresh });
}
