import { useLocale, useTranslations } from "next-intl";
/** Tells the marketer whether the numbers are fresh, so a lost connection never looks like a quiet drop. */
export function LiveStatus({ updatedAt, failed, pushed = false }: { updatedAt: number; failed: boolean; pushed?: boolean }) {
  const t = useTranslations("admin");
  const locale = useLocale();
  const time = updatedAt ? new Date(updatedAt).toLocaleTimeString(locale === "ko" ? "ko-KR" : "en-US") : t("never");
  if (failed && !pushed) {
    return (
      <p role="status" className="text-sm font-medium text-amber-800">
        {t("connectionLost", { time })}
      </p>
    );
  }
  return (
    <p
      className="flex items-center gap-1.5 text-sm text-slate-500"
      data-testid="live-status"
      data-mode={pushed ? "push" : "poll"}
    >
      <span className="size-2 rounded-full bg-emerald-500" aria-hidden="true" />
      {pushed ? t("livePushed", { time }) : t("livePolling", { time })}
    </p>
  );
}
