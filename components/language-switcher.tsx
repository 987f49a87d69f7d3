"use client";
import { usePathname } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";

/**
 * Switches the site's language: a plain form post to /api/locale, which sets the NEXT_LOCALE
 * cookie and sends the browser back to this page. Works before hydration and without JavaScript.
 * On a Korean page the button says "English"; on an English page it says "Korean", in English:
 * "한국어" there would make every English page download the Hangul font (app/hangul-font.ts).
 * A Korean browser gets Korean from Accept-Language without it.
 */
export function LanguageSwitcher() {
  const t = useTranslations("nav");
  const locale = useLocale();
  const pathname = usePathname();
  const other = locale === "ko" ? "en" : "ko";
  return (
    <form method="post" action={`/api/locale?back=${encodeURIComponent(pathname)}`}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other === "en" ? "en" : undefined}
        title={t("switchLabel")}
        className="rounded-md px-2 py-1.5 font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
      >
        {t("switchTo")}
      </button>
    </form>
  );
}
