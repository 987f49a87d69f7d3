import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Any page that does not exist, and a promotion that is not (or no longer) published. */
export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="mx-auto max-w-3xl space-y-4 px-4 py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("body")}</p>
      <Link href="/" className="inline-block font-medium text-slate-900 underline">
        {t("home")}
      </Link>
    </main>
  );
}
