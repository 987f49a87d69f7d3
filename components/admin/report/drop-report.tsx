"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useId } from "react";
import { queryKeys } from "@/components/query-keys";
import { useTimeValues } from "@/components/zoned-time";
import { LoadError } from "../load-error";
import { buttonClass } from "../styles";
import { ClaimsChart, LatencyChart, RemainingChart } from "./charts";
import { fetchReport, reportUrl, type Report } from "./data";
import { Fairness } from "./fairness";
import { ClaimsTable, LatencyTable, RemainingTable } from "./tables";
import { useReportText } from "./use-report-text";

// While the promotion runs the report follows it; afterwards it no longer changes.
const LIVE_REFRESH_MS = 5_000;

/** The drop report: summary, three charts each with its data table, and the CSV / JSON export. */
export function DropReport({ id }: { id: string }) {
  const t = useTranslations("admin");
  const query = useQuery({
    // Under the promotion's own key, so whatever refreshes a promotion refreshes its report.
    queryKey: [...queryKeys.admin.promotion(id), "report"],
    queryFn: () => fetchReport(id),
    refetchInterval: (q) => {
      const endsAt = q.state.data?.promotion.endsAt;
      return endsAt && Date.parse(endsAt) > Date.now() ? LIVE_REFRESH_MS : false;
    },
  });
  usePrintOpensTables();
  if (query.isPending) return <p className="text-slate-600">{t("loading")}</p>;
  if (query.isError) return <LoadError error={query.error} />;
  return <Loaded id={id} report={query.data} />;
}

function Loaded({ id, report }: { id: string; report: Report }) {
  const t = useTranslations("report");
  const timeValues = useTimeValues();
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-slate-700 print:hidden">
          <Link href={`/admin/promotions/${id}`} className="underline">
            {t("back")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t("title", { title: report.promotion.title })}</h1>
        <p className="text-sm text-slate-700">
          {t.rich("started", {
            ...timeValues(report.promotion.startsAt, report.promotion.timeZone),
            stock: report.promotion.totalStock,
          })}
        </p>
        <div className="flex flex-wrap gap-2 print:hidden">
          <a href={reportUrl(id, "csv")} download className={buttonClass.secondary}>
            {t("downloadCsv")}
          </a>
          <a href={reportUrl(id)} download={`drop-report-${id}.json`} className={buttonClass.secondary}>
            {t("downloadJson")}
          </a>
          <button type="button" onClick={() => window.print()} className={buttonClass.secondary}>
            {t("print")}
          </button>
        </div>
      </header>
      <Summary report={report} />
      {report.fairness && <Fairness id={id} fairness={report.fairness} timeZone={report.promotion.timeZone} />}
      {report.series.length === 0 ? (
        <p className="text-slate-700">{t("noClaims")}</p>
      ) : (
        <>
          <Figure title={t("remainingTitle")} table={<RemainingTable report={report} />}>
            <RemainingChart series={report.series} totalStock={report.promotion.totalStock} />
          </Figure>
          <Figure title={t("claimsTitle")} table={<ClaimsTable report={report} />}>
            <ClaimsChart series={report.series} />
          </Figure>
          <Figure title={t("latencyTitle")} table={<LatencyTable report={report} />}>
            <LatencyChart series={report.series} />
          </Figure>
        </>
      )}
    </div>
  );
}

function Summary({ report }: { report: Report }) {
  const { t, ms, clock, count } = useReportText(report.promotion.timeZone);
  const s = report.summary;
  const peak = s.peakRequestsPerSecond;
  const items: [string, string, string][] = [
    [
      "sell-out",
      t("sellOut"),
      s.secondsToSellOut === null ? t("notSoldOut") : t("seconds", { seconds: s.secondsToSellOut.toFixed(1) }),
    ],
    ["peak", t("peak"), s.peakAt ? t("peakAt", { count: peak, time: clock(s.peakAt) }) : t("peakValue", { count: peak })],
    ["requests", t("requests"), count(s.requests)],
    ["tried", t("tried"), count(s.uniqueTriers)],
    ["won", t("won"), count(s.winners)],
    ["issued", t("issued"), count(s.issued)],
    ["pending", t("pending"), count(s.pending)],
    ["failed", t("failed"), count(s.failed)],
    ["latency", t("latency"), `${ms(s.p50Ms)} / ${ms(s.p99Ms)}`],
  ];
  return (
    <section aria-labelledby="summary-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="summary-heading" className="mb-3 text-lg font-semibold">
        {t("summary")}
      </h2>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
        {items.map(([key, label, value]) => (
          <div key={key} data-summary={key}>
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Figure({ title, table, children }: { title: string; table: React.ReactNode; children: React.ReactNode }) {
  const t = useTranslations("report");
  const captionId = useId();
  return (
    <figure
      aria-labelledby={captionId}
      className="report-figure space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <figcaption id={captionId} className="text-lg font-semibold">
        {title}
      </figcaption>
      {children}
      <details className="report-table">
        <summary className="cursor-pointer text-sm font-medium text-slate-800 print:hidden">{t("dataTable", { title })}</summary>
        {table}
      </details>
    </figure>
  );
}

/** Printing opens every data table (and closes again the ones that were closed). */
function usePrintOpensTables() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>("details.report-table:not([open])")];
      for (const d of opened) d.open = true;
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
}
