"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** A coupon code, selectable in one tap, with a copy button. */
export function CouponCode({ code }: { code: string }) {
  const t = useTranslations("coupon");
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  async function copyCode() {
    try {
      await navigator.clipboard.writeText(code);
      setCopy("copied");
    } catch {
      // No clipboard access (e.g. a plain-http site): the code stays selectable by hand.
      setCopy("failed");
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <code
        data-testid="coupon-code"
        className="rounded-md border border-dashed border-emerald-500 bg-emerald-50 px-3 py-1.5 font-mono text-lg font-semibold tracking-wider text-emerald-900 select-all"
      >
        {code}
      </code>
      <button
        type="button"
        onClick={copyCode}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900"
      >
        {copy === "copied" ? t("copied") : t("copy")}
      </button>
      {copy === "failed" && <span className="text-sm text-slate-600">{t("copyFailed")}</span>}
    </div>
  );
}
