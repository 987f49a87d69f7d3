"use client";
import { formatDateTime } from "./time";
import { useHydrated } from "./use-server-clock";

/** A moment in the viewer's own time zone (UTC until the browser takes over). */
export function LocalTime({ iso }: { iso: string }) {
  const hydrated = useHydrated();
  return <time dateTime={iso}>{formatDateTime(iso, hydrated ? "viewer" : "UTC")}</time>;
}
