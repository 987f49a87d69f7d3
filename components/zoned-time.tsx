import { useLocale } from "next-intl";
import type { ReactNode } from "react";
import { formatDateTime } from "@/lib/i18n/format";

/**
 * A moment in a promotion's own time zone, with the zone's name, in the viewer's language
 * ("12월 12일 (토) 오전 10:00 KST"). The same text on the server and in the browser, whatever the
 * viewer's own zone: the issue wants a promotion's times read as its marketer wrote them.
 */
export function ZonedTime({ iso, timeZone }: { iso: string; timeZone: string }) {
  const locale = useLocale();
  return <time dateTime={iso}>{formatDateTime(iso, timeZone, locale)}</time>;
}

/**
 * The values of a message that holds a time as `<t>{time}</t>`: the text in the zone, and the
 * <time> element around it.
 */
export function useTimeValues(): (iso: string, timeZone: string) => { time: string; t: (chunks: ReactNode) => ReactNode } {
  const locale = useLocale();
  return (iso, timeZone) => ({
    time: formatDateTime(iso, timeZone, locale),
    t: (chunks) => <time dateTime={iso}>{chunks}</time>,
  });
}
