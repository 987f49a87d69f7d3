"use client";
import { OUTCOME_STYLE, type Report, type ReportPoint } from "./data";
import { useReportText } from "./use-report-text";

const th = "px-2 py-1 text-left font-semibold text-slate-800";
const td = "px-2 py-1 text-left tabular-nums text-slate-800";

/** Only the seconds in which someone pressed: the table stays as long as the drop was busy. */
const active = (series: ReportPoint[]) => series.filter((p) => p.total > 0);

function Table({ caption, children }: { caption: string; children: React.ReactNode }) {
  return (
    <div className="max-h-96 overflow-auto print:max-h-none">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function ClaimsTable({ report }: { report: Report }) {
  const { t, outcome: outcomeName, clock } = useReportText(report.promotion.timeZone);
  const rows = active(report.series);
  return (
    <Table caption={t("claimsCaption")}>
      <thead className="border-b border-slate-300">
        <tr>
          <th scope="col" className={th}>
            {t("time")}
          </th>
          {OUTCOME_STYLE.map(({ outcome }) => (
            <th key={outcome} scope="col" className={th}>
              {outcomeName(outcome)}
            </th>
          ))}
          <th scope="col" className={th}>
            {t("total")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.second} className="border-b border-slate-100">
            <th scope="row" className={`${td} font-normal`}>
              <time dateTime={p.time}>{clock(p.time)}</time>
            </th>
            {OUTCOME_STYLE.map(({ outcome }) => (
              <td key={outcome} className={td}>
                {p.outcomes[outcome]}
              </td>
            ))}
            <td className={td}>{p.total}</td>
          </tr>
        ))}
      </tbody>
      <tfoot className="border-t-2 border-slate-400">
        <tr>
          <th scope="row" className={th}>
            {t("all")}
          </th>
          {OUTCOME_STYLE.map(({ outcome }) => (
            <td key={outcome} className={`${td} font-semibold`} data-outcome={outcome}>
              {report.summary.outcomes[outcome]}
            </td>
          ))}
          <td className={`${td} font-semibold`} data-outcome="total">
            {report.summary.requests}
          </td>
        </tr>
      </tfoot>
    </Table>
  );
}

export function RemainingTable({ report }: { report: Report }) {
  const { t, clock } = useReportText(report.promotion.timeZone);
  return (
    <Table caption={t("remainingCaption")}>
      <thead className="border-b border-slate-300">
        <tr>
          <th scope="col" className={th}>
            {t("time")}
          </th>
          <th scope="col" className={th}>
            {t("remaining")}
          </th>
        </tr>
      </thead>
      <tbody>
        {active(report.series).map((p) => (
          <tr key={p.second} className="border-b border-slate-100">
            <th scope="row" className={`${td} font-normal`}>
              <time dateTime={p.time}>{clock(p.time)}</time>
            </th>
            <td className={td}>{p.remaining ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function LatencyTable({ report }: { report: Report }) {
  const { t, ms, clock } = useReportText(report.promotion.timeZone);
  return (
    <Table caption={t("latencyCaption")}>
      <thead className="border-b border-slate-300">
        <tr>
          <th scope="col" className={th}>
            {t("time")}
          </th>
          <th scope="col" className={th}>
            p50
          </th>
          <th scope="col" className={th}>
            p99
          </th>
        </tr>
      </thead>
      <tbody>
        {active(report.series).map((p) => (
          <tr key={p.second} className="border-b border-slate-100">
            <th scope="row" className={`${td} font-normal`}>
              <time dateTime={p.time}>{clock(p.time)}</time>
            </th>
            <td className={td}>{ms(p.p50Ms)}</td>
            <td className={td}>{ms(p.p99Ms)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
