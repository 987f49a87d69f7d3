"use client";
import { useTranslations } from "next-intl";
import type { AdminPromotion } from "./api";
import { useSetPaused } from "./queries";
import { buttonClass } from "./styles";

/** Pause or resume claims; the label flips once the server has answered and fresh numbers are in. */
export function PauseButton({ promotion }: { promotion: Pick<AdminPromotion, "id" | "title" | "status" | "paused"> }) {
  const t = useTranslations("admin");
  const mutation = useSetPaused(promotion.id);
  // An ended promotion takes no claims either way.
  if (promotion.status === "ENDED") return null;
  const paused = promotion.paused;
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={() => mutation.mutate(!paused)}
        disabled={mutation.isPending}
        className={buttonClass.secondary}
      >
        {mutation.isPending ? (paused ? t("resuming") : t("pausing")) : paused ? t("resume") : t("pause")}
        <span className="sr-only"> {promotion.title}</span>
      </button>
      {mutation.isError && (
        <span role="alert" className="text-sm text-red-700">
          {mutation.error.message}
        </span>
      )}
    </span>
  );
}
