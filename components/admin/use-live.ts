"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { queryKeys } from "@/components/query-keys";
import {
  claimsMoved,
  patchList,
  toDetail,
  type DashboardEntry,
  type DetailEntry,
  type SnapshotEvent,
  type UpdateEvent,
} from "./live-cache";

const keys = queryKeys.admin;

// Pings come every 15 s: a stream silent for longer is stuck (a buffering proxy, a dead link).
const SILENCE_MS = 40_000;
// A refused stream (not an admin any more, a deployment without one) is tried again this late.
const RETRY_MS = [5_000, 15_000, 60_000];
// The winners table refetches at most this often, however fast claims arrive.
const WINNERS_REFRESH_MS = 1_000;

/**
 * Keeps the admin queries fresh through the server-sent event stream (`GET /api/admin/live`):
 * the dashboard (`ids` null) or the given promotions. Returns whether the stream is healthy; the
 * queries poll only while it is not (before the first snapshot, while reconnecting, or when the
 * deployment has no stream, as on Upstash).
 */
export function useLiveStream(ids: string[] | null): boolean {
  const queryClient = useQueryClient();
  const [healthy, setHealthy] = useState(false);
  const idList = ids?.join(",") ?? null;

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const url = idList ? `/api/admin/live?ids=${encodeURIComponent(idList)}` : "/api/admin/live";
    let source: EventSource | null = null;
    let silence: ReturnType<typeof setTimeout> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let refusals = 0;
    let winnersAt = 0;
    let winnersTimer: ReturnType<typeof setTimeout> | undefined;

    const refreshWinners = (id: string) => {
      const go = () => {
        winnersAt = Date.now();
        winnersTimer = undefined;
        void queryClient.invalidateQueries({ queryKey: [...keys.promotion(id), "winners", 1] });
      };
      if (winnersTimer) return;
      const wait = winnersAt + WINNERS_REFRESH_MS - Date.now();
      if (wait <= 0) go();
      else winnersTimer = setTimeout(go, wait);
    };

    const applyDetail = (entry: DetailEntry) => {
      const key = keys.promotion(entry.promotion.id);
      const before = queryClient.getQueryData<DetailEntry>(key);
      queryClient.setQueryData(key, entry);
      if (idList && before && claimsMoved(before.stats, entry.stats)) refreshWinners(entry.promotion.id);
    };

    const onSnapshot = (event: MessageEvent<string>) => {
      const snapshot = JSON.parse(event.data) as SnapshotEvent;
      if (idList) {
        snapshot.promotions.forEach((p) => applyDetail(toDetail(p)));
        for (const id of snapshot.missing) void queryClient.invalidateQueries({ queryKey: keys.promotion(id), exact: true });
      } else {
        queryClient.setQueryData<DashboardEntry[]>(keys.promotions, snapshot.promotions);
      }
      refusals = 0;
      setHealthy(true);
    };

    const onUpdate = (event: MessageEvent<string>) => {
      const update = JSON.parse(event.data) as UpdateEvent;
      if (idList) {
        update.promotions.forEach((p) => applyDetail(toDetail(p)));
        for (const id of update.removed) void queryClient.invalidateQueries({ queryKey: keys.promotion(id), exact: true });
        return;
      }
      const { list, unknown } = patchList(queryClient.getQueryData<DashboardEntry[]>(keys.promotions), update);
      if (list) queryClient.setQueryData(keys.promotions, list);
      if (unknown) void queryClient.invalidateQueries({ queryKey: keys.promotions, exact: true });
    };

    const watchSilence = () => {
      clearTimeout(silence);
      silence = setTimeout(() => {
        setHealthy(false);
        source?.close();
        connect();
      }, SILENCE_MS);
    };

    function connect() {
      source = new EventSource(url);
      const heard = (handler?: (event: MessageEvent<string>) => void) => (event: MessageEvent<string>) => {
        watchSilence();
        handler?.(event);
      };
      source.addEventListener("snapshot", heard(onSnapshot));
      source.addEventListener("update", heard(onUpdate));
      source.addEventListener("ping", heard());
      source.onerror = () => {
        // Until the next snapshot the queries poll. EventSource reconnects by itself after a
        // dropped stream; a refused one (an error status) it gives up, so try again later.
        setHealthy(false);
        if (source?.readyState === EventSource.CLOSED) {
          clearTimeout(silence);
          retry = setTimeout(connect, RETRY_MS[Math.min(refusals++, RETRY_MS.length - 1)]);
        }
      };
      watchSilence();
    }

    connect();
    return () => {
      source?.close();
      clearTimeout(silence);
      clearTimeout(retry);
      clearTimeout(winnersTimer);
      setHealthy(false);
    };
  }, [idList, queryClient]);

  return healthy;
}
