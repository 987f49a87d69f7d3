"use client";
import { useLocale } from "next-intl";
import { formatDateTime } from "@/lib/i18n/format";
import { useTimeZone } from "./admin/datetime";

/**
 * A moment in the viewer's own time zone, in the page's language, for times that belong to no
 * promotion (an account's creation). UTC during the server render, until the browser takes over.
 */
export function LocalTime({ iso }: { iso: string }) {
  const locale = useLocale();
  const zone = useTimeZone() ?? "UTC";
  return <time dateTime={iso}>{formatDateTime(iso, zone, locale)}</time>;
}
