"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { DashboardRow } from "./dashboard-row";
import { LiveStatus } from "./live-status";
import { usePromotions } from "./queries";
import { buttonClass } from "./styles";
import { useLiveStream } from "./use-live";

/** Every promotion with live counters: pushed by the live stream, polled every second without it. */
export function Dashboard() {
  const t = useTranslations("admin");
  const pushed = useLiveStream(null);
  const query = usePromotions({ poll: !pushed });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("promotions")}</h1>
          {query.data && <LiveStatus updatedAt={query.dataUpdatedAt} failed={query.isRefetchError} pushed={pushed} />}
        </div>
        <Link href="/admin/promotions/new" className={buttonClass.primary}>
          {t("newPromotion")}
        </Link>
      </div>
      <DashboardBody query={query} />
    </div>
  );
}

function DashboardBody({ query }: { query: ReturnType<typeof usePromotions> }) {
  const t = useTranslations("admin");
  if (query.isPending) return <p className="text-slate-600">{t("loadingPromotions")}</p>;
  if (query.isError) {
    return (
      <p role="alert" className="text-red-700">
        {t("loadPromotionsFailed", { message: query.error.message })}
      </p>
    );
  }
  if (query.data.length === 0) {
    return <p className="text-slate-600">{t("noPromotions")}</p>;
  }
  return (
    <ul className="space-y-3">
      {query.data.map((promotion) => (
        <DashboardRow key={promotion.id} promotion={promotion} />
      ))}
    </ul>
  );
}
