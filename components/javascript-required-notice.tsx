import { useTranslations } from "next-intl";
import { JAVASCRIPT_REQUIRED } from "./javascript-required";

/**
 * What a page says when its form was posted before its JavaScript ran (or with it off): nothing
 * was sent on, nothing typed was kept. Shown for ?error=javascript-required; `why` says what the
 * page's JavaScript does (messages/*.json, "jsRequired").
 */
export function JavascriptRequiredNotice({ error, why }: { error: unknown; why: "signUp" | "promotion" }) {
  const t = useTranslations("jsRequired");
  if (error !== JAVASCRIPT_REQUIRED) return null;
  return (
    <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="font-semibold">{t("title")}</p>
      <p className="mt-1">{t("body", { why: t(why) })}</p>
    </div>
  );
}
