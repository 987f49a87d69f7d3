import Link from "next/link";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getTranslations } from "next-intl/server";
import { authOptions } from "@/lib/auth/options";

// The role is read from the session on every request: never cached, never decided in the browser.
export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const [meta, t] = await Promise.all([getTranslations("meta"), getTranslations("admin")]);
  return { title: meta("pageTitle", { page: t("area") }) };
}

const navLink = "rounded-md px-2 py-1.5 font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const session = await getServerSession(authOptions());
  // A layout does not see the requested path, so sign-in returns to the dashboard.
  if (!session) redirect("/signin?callbackUrl=/admin");
  if (session.user.role !== "ADMIN") return <Forbidden />;
  const t = await getTranslations("admin");
  return (
    <div className="mx-auto max-w-5xl px-4 py-6">
      <nav
        aria-label={t("area")}
        className="mb-6 flex flex-wrap items-center gap-1 border-b border-slate-200 pb-3 text-sm print:hidden"
      >
        <span className="mr-2 rounded bg-slate-900 px-2 py-0.5 text-xs font-bold tracking-wide text-white uppercase">
          {t("badge")}
        </span>
        <Link href="/admin" className={navLink}>
          {t("dashboard")}
        </Link>
        <Link href="/admin/promotions/new" className={navLink}>
          {t("newPromotion")}
        </Link>
        <Link href="/admin/users" className={navLink}>
          {t("users")}
        </Link>
      </nav>
      {children}
    </div>
  );
}

/**
 * `forbidden()` would also set the HTTP status, but in Next 16 it still needs the experimental
 * `authInterrupts` flag; the page says 403 instead, and the admin API answers a real 403.
 */
async function Forbidden() {
  const t = await getTranslations("admin");
  return (
    <main className="mx-auto max-w-md space-y-3 px-4 py-16 text-center">
      <p className="text-5xl font-bold text-slate-300">403</p>
      <h1 className="text-xl font-bold">{t("forbiddenTitle")}</h1>
      <p className="text-slate-600">{t("forbiddenBody")}</p>
      <Link href="/" className="inline-block font-medium text-slate-900 underline">
        {t("backToPromotions")}
      </Link>
    </main>
  );
}
