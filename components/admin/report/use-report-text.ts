"use client";
import { useLocale, useTranslations } from "next-intl";
import type { Outcome } from "@/lib/metrics/outcomes";
import { clockTime } from "./data";

/**
 * The report's words and numbers in the page's language, its clock times in the promotion's
 * zone: charts, tables and summary all read them from here.
 */
export function useReportText(timeZone: string) {
  const t = useTranslations("report");
  const locale = useLocale();
  return {
    t,
    outcome: (outcome: Outcome) => t("outcome", { outcome }),
    ms: (value: number | null) => (value === null ? "—" : t("ms", { ms: value })),
    clock: (iso: string) => clockTime(iso, timeZone),
    count: (n: number) => n.toLocaleString(locale),
  };
}
