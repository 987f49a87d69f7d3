import Link from "next/link";
import { useTranslations } from "next-intl";

interface EndedPagerProps {
  page: number;
  pageSize: number;
  total: number;
}

const linkClass = "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:border-slate-500";

/** Pages through the ended promotions of the home page; live and upcoming ones stay on every page. */
export function EndedPager({ page, pageSize, total }: EndedPagerProps) {
  const t = useTranslations("pager");
  const older = page * pageSize < total;
  const newer = page > 1;
  if (!older && !newer) return null;
  return (
    <nav aria-label={t("label")} className="flex items-center gap-3">
      {newer && (
        <Link href={page === 2 ? "/" : `/?endedPage=${page - 1}`} className={linkClass}>
          {t("newer")}
        </Link>
      )}
      <span className="text-sm text-slate-500">{t("page", { page, pages: Math.max(1, Math.ceil(total / pageSize)) })}</span>
      {older && (
        <Link href={`/?endedPage=${page + 1}`} className={linkClass}>
          {t("older")}
        </Link>
      )}
    </nav>
  );
}
