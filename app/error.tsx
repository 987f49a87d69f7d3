"use client";
import { useTranslations } from "next-intl";

/** A page that failed to render: says so in the viewer's language and offers another try. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <main className="mx-auto max-w-3xl space-y-4 px-4 py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("body")}</p>
      <button
        type="button"
        onClick={reset}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
      >
        {t("retry")}
      </button>
    </main>
  );
}
