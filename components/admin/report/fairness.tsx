"use client";
import type { FairnessSection } from "@/lib/fair-start/fairness";
import { buttonClass } from "../styles";
import { reportUrl } from "./data";
import { useReportText } from "./use-report-text";

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The drop report's fairness section of a fair-start promotion: entry time should not matter. */
export function Fairness({ id, fairness, timeZone }: { id: string; fairness: FairnessSection; timeZone: string }) {
  const { t, clock, count } = useReportText(timeZone);
  const { spearmanRho, lastSecondAdvantage: adv } = fairness;
  const peak = Math.max(1, ...fairness.entrantsOverTime.map((p) => p.entries));
  const chance = fairness.entrants > 0 ? 1 / Math.sqrt(fairness.entrants) : null;
  return (
    <section aria-labelledby="fairness-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="fairness-heading" className="text-lg font-semibold">
        {t("fairHeading")}
      </h2>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
        <div data-summary="entrants">
          <dt className="text-sm text-slate-700">{t("entrantsWinners")}</dt>
          <dd className="text-xl font-semibold tabular-nums">
            {count(fairness.entrants)} / {count(fairness.winners)}
          </dd>
        </div>
        <div data-summary="spearman">
          <dt className="text-sm text-slate-700">{t("spearman")}</dt>
          <dd className="text-xl font-semibold tabular-nums">
            {spearmanRho === null ? t("afterDraw") : spearmanRho.toFixed(3)}
            {chance !== null && (
              <span className="ml-2 text-sm font-normal text-slate-600">{t("chance", { chance: chance.toFixed(3) })}</span>
            )}
          </dd>
        </div>
        <div data-summary="last-second">
          <dt className="text-sm text-slate-700">{t("lastSecond")}</dt>
          <dd className="text-xl font-semibold tabular-nums">
            {adv.ratio === null ? t("notApplicable") : `${adv.ratio.toFixed(2)}×`}
            <span className="ml-2 text-sm font-normal text-slate-600">
              {t("versus", {
                a: `${adv.lastSecond.winners}/${adv.lastSecond.entrants}`,
                b: `${adv.minuteEarlier.winners}/${adv.minuteEarlier.entrants}`,
              })}
            </span>
          </dd>
        </div>
      </dl>

      <figure className="space-y-2">
        <figcaption className="font-medium">{t("decilesTitle")}</figcaption>
        <div className="flex h-32 items-end gap-1" aria-hidden="true">
          {fairness.deciles.map((d) => (
            <div key={d.decile} className="flex-1 bg-emerald-700" style={{ height: `${Math.max(2, d.winRate * 100)}%` }} />
          ))}
        </div>
        <table className="w-full text-sm tabular-nums">
          <thead>
            <tr className="text-left text-slate-700">
              <th scope="col">{t("decile")}</th>
              <th scope="col">{t("enteredFrom")}</th>
              <th scope="col">{t("entrants")}</th>
              <th scope="col">{t("winners")}</th>
              <th scope="col">{t("winRate")}</th>
            </tr>
          </thead>
          <tbody>
            {fairness.deciles.map((d) => (
              <tr key={d.decile}>
                <td>{d.decile}</td>
                <td>{clock(d.from)}</td>
                <td>{count(d.entrants)}</td>
                <td>{count(d.winners)}</td>
                <td>{percent(d.winRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>

      <figure className="space-y-2">
        <figcaption className="font-medium">{t("entrantsOverTime")}</figcaption>
        <div className="flex h-24 items-end gap-px" aria-hidden="true">
          {fairness.entrantsOverTime.map((p) => (
            <div key={p.second} className="flex-1 bg-slate-700" style={{ height: `${(p.entries / peak) * 100}%` }} />
          ))}
        </div>
        <details className="report-table">
          <summary className="cursor-pointer text-sm font-medium text-slate-800 print:hidden">{t("entrantsTable")}</summary>
          <table className="w-full text-sm tabular-nums">
            <tbody>
              {fairness.entrantsOverTime.map((p) => (
                <tr key={p.second}>
                  <td>{clock(p.time)}</td>
                  <td>{count(p.entries)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figure>

      <div className="space-y-1 text-sm break-all">
        <h3 className="font-medium">{t("verifyHeading")}</h3>
        <p>
          {t("seedHash")} <span className="font-mono">{fairness.verify.seedSha256}</span>
        </p>
        <p>
          {t("seed")} <span className="font-mono">{fairness.verify.seed ?? t("seedLater")}</span>
        </p>
        <p className="text-slate-700">{t("verifyText", { formula: fairness.verify.formula })}</p>
        <a href={reportUrl(id, "entrants-csv")} download className={buttonClass.secondary}>
          {t("entrantsCsv")}
        </a>
      </div>
    </section>
  );
}
