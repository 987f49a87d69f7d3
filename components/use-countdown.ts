"use client";
import { useTranslations } from "next-intl";
import { formatCountdown } from "./time";

/** formatCountdown with the days in the viewer's language ("1d 02:03:04", "1일 02:03:04"). */
export function useCountdown(): (ms: number) => string {
  const t = useTranslations("countdown");
  return (ms) => formatCountdown(ms, (days, hms) => t("days", { days, hms }));
}
