"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId } from "react";
import { queryKeys } from "@/components/query-keys";
import { LoadError } from "../load-error";
import { buttonClass } from "../styles";
import { ClaimsChart, LatencyChart, RemainingChart } from "./charts";
import { clockTime, fetchReport, ms, reportUrl, type Report } from "./data";
import { Fairness } from "./fairness";
import { ClaimsTable, LatencyTable, RemainingTable } from "./tables";

// While the promotion runs the report follows it; afterwards it no longer changes.
const LIVE_REFRESH_MS = 5_000;

/** The drop report: summary, three charts each with its data table, and the CSV / JSON export. */
export function DropReport({ id }: { id: string }) {
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
  if (query.isPending) return <p className="text-slate-600">Loading…</p>;
  if (query.isError) return <LoadError error={query.error} />;
  const report = query.data;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-slate-700 print:hidden">
          <Link href={`/admin/promotions/${id}`} className="underline">
            ← Back to the promotion
          </Link>
        </p>
        <h1 className="text-2xl font-bold">Drop report: {report.promotion.title}</h1>
        <p className="text-sm text-slate-700">
          Started <time dateTime={report.promotion.startsAt}>{new Date(report.promotion.startsAt).toLocaleString()}</time> ·{" "}
          {report.promotion.totalStock.toLocaleString()} coupons
        </p>
        <div className="flex flex-wrap gap-2 print:hidden">
          <a href={reportUrl(id, "csv")} download className={buttonClass.secondary}>
            Download CSV
          </a>
          <a href={reportUrl(id)} download={`drop-report-${id}.json`} className={buttonClass.secondary}>
            Download JSON
          </a>
          <button type="button" onClick={() => window.print()} className={buttonClass.secondary}>
            Print
          </button>
        </div>
      </header>
      <Summary report={report} />
      {report.fairness && <Fairness id={id} fairness={report.fairness} />}
      {report.series.length === 0 ? (
        <p className="text-slate-700">Nobody has tried to claim yet: the charts appear with the first claim.</p>
      ) : (
        <>
          <Figure title="Remaining stock over time" table={<RemainingTable report={report} />}>
            <RemainingChart series={report.series} totalStock={report.promotion.totalStock} />
          </Figure>
          <Figure title="Claims per second, by outcome" table={<ClaimsTable report={report} />}>
            <ClaimsChart series={report.series} />
          </Figure>
          <Figure title="Claim latency over time (p50, p99)" table={<LatencyTable report={report} />}>
            <LatencyChart series={report.series} />
          </Figure>
        </>
      )}
    </div>
  );
}

function Summary({ report }: { report: Report }) {
  const s = report.summary;
  const items: [string, string, string][] = [
    ["sell-out", "Start to sell-out", s.secondsToSellOut === null ? "not sold out" : `${s.secondsToSellOut.toFixed(1)} s`],
    ["peak", "Peak requests", `${s.peakRequestsPerSecond.toLocaleString()}/s${s.peakAt ? ` at ${clockTime(s.peakAt)}` : ""}`],
    ["requests", "Claim requests", s.requests.toLocaleString()],
    ["tried", "People who tried", s.uniqueTriers.toLocaleString()],
    ["won", "People who won", s.winners.toLocaleString()],
    ["issued", "Issued", s.issued.toLocaleString()],
    ["pending", "Pending", s.pending.toLocaleString()],
    ["failed", "Failed", s.failed.toLocaleString()],
    ["latency", "Latency p50 / p99", `${ms(s.p50Ms)} / ${ms(s.p99Ms)}`],
  ];
  return (
    <section aria-labelledby="summary-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="summary-heading" className="mb-3 text-lg font-semibold">
        Summary
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
        <summary className="cursor-pointer text-sm font-medium text-slate-800 print:hidden">Data table: {title}</summary>
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
