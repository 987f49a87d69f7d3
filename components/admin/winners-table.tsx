"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ZonedTime } from "@/components/zoned-time";
import { winnersCsvUrl } from "./api";
import { useWinners } from "./queries";
import { buttonClass } from "./styles";

const PAGE_SIZE = 20;

/**
 * The promotion's claims, newest first, a page at a time, with the CSV export of all of them. Times
 * in the promotion's zone with its name, as its schedule is shown, not in the viewer's.
 */
export function WinnersTable({ promotionId, timeZone, poll = true }: { promotionId: string; timeZone: string; poll?: boolean }) {
  const t = useTranslations("admin");
  const [page, setPage] = useState(1);
  const query = useWinners(promotionId, page, PAGE_SIZE, { poll });
  const total = query.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <section aria-labelledby="winners-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="winners-heading" className="text-lg font-semibold">
          {t("winners")} <span className="font-normal text-slate-500">({total})</span>
        </h2>
        <a href={winnersCsvUrl(promotionId)} download className={buttonClass.secondary}>
          {t("downloadCsv")}
        </a>
      </div>
      {query.isError && (
        <p role="alert" className="text-red-700">
          {t("loadWinnersFailed", { message: query.error.message })}
        </p>
      )}
      {query.data && query.data.claims.length === 0 && <p className="text-slate-600">{t("noClaims")}</p>}
      {query.data && query.data.claims.length > 0 && (
        // Focusable: on a narrow screen the table scrolls sideways, which keyboards must reach too.
        <div
          role="region"
          aria-label={t("winnersTable")}
          tabIndex={0}
          className="overflow-x-auto rounded-xl border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900"
        >
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
              <tr>
                <th className="px-3 py-2 font-medium">{t("email")}</th>
                <th className="px-3 py-2 font-medium">{t("status")}</th>
                <th className="px-3 py-2 font-medium">{t("couponCode")}</th>
                <th className="px-3 py-2 font-medium">{t("claimed")}</th>
                <th className="px-3 py-2 font-medium">{t("expires")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {query.data.claims.map((c) => (
                <tr key={c.id}>
                  <td className="px-3 py-2">{c.email}</td>
                  <td className="px-3 py-2">{t("claimStatus", { status: c.status })}</td>
                  <td className="px-3 py-2 font-mono whitespace-nowrap">{c.couponCode ?? "—"}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-slate-600">
                    <ZonedTime iso={c.claimedAt} timeZone={timeZone} />
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap text-slate-600">
                    {c.expiresAt ? <ZonedTime iso={c.expiresAt} timeZone={timeZone} /> : t("noExpiry")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={t("winnersPages")} className="flex items-center gap-3 text-sm">
          <button type="button" onClick={() => setPage((p) => p - 1)} disabled={page <= 1} className={buttonClass.secondary}>
            {t("newer")}
          </button>
          <span className="text-slate-600">{t("page", { page, pages })}</span>
          <button type="button" onClick={() => setPage((p) => p + 1)} disabled={page >= pages} className={buttonClass.secondary}>
            {t("older")}
          </button>
        </nav>
      )}
    </section>
  );
}
