import type { FairnessSection } from "@/lib/fair-start/fairness";
import { buttonClass } from "../styles";
import { reportUrl } from "./data";

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The drop report's fairness section of a fair-start promotion: entry time should not matter. */
export function Fairness({ id, fairness }: { id: string; fairness: FairnessSection }) {
  const { spearmanRho, lastSecondAdvantage: adv } = fairness;
  const peak = Math.max(1, ...fairness.entrantsOverTime.map((p) => p.entries));
  const chance = fairness.entrants > 0 ? 1 / Math.sqrt(fairness.entrants) : null;
  return (
    <section aria-labelledby="fairness-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="fairness-heading" className="text-lg font-semibold">
        Fairness of the draw
      </h2>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
        <div data-summary="entrants">
          <dt className="text-sm text-slate-700">Entrants / winners</dt>
          <dd className="text-xl font-semibold tabular-nums">
            {fairness.entrants.toLocaleString()} / {fairness.winners.toLocaleString()}
          </dd>
        </div>
        <div data-summary="spearman">
          <dt className="text-sm text-slate-700">Spearman&apos;s ρ, entry time vs rank</dt>
          <dd className="text-xl font-semibold tabular-nums">
            {spearmanRho === null ? "after the draw" : spearmanRho.toFixed(3)}
            {chance !== null && (
              <span className="ml-2 text-sm font-normal text-slate-600">(chance: about ±{chance.toFixed(3)})</span>
            )}
          </dd>
        </div>
        <div data-summary="last-second">
          <dt className="text-sm text-slate-700">Last second vs a minute or more early</dt>
          <dd className="text-xl font-semibold tabular-nums">
            {adv.ratio === null ? "n/a" : `${adv.ratio.toFixed(2)}×`}
            <span className="ml-2 text-sm font-normal text-slate-600">
              ({adv.lastSecond.winners}/{adv.lastSecond.entrants} vs {adv.minuteEarlier.winners}/{adv.minuteEarlier.entrants})
            </span>
          </dd>
        </div>
      </dl>

      <figure className="space-y-2">
        <figcaption className="font-medium">Win rate by entry-time decile (earliest first)</figcaption>
        <div className="flex h-32 items-end gap-1" aria-hidden="true">
          {fairness.deciles.map((d) => (
            <div key={d.decile} className="flex-1 bg-emerald-700" style={{ height: `${Math.max(2, d.winRate * 100)}%` }} />
          ))}
        </div>
        <table className="w-full text-sm tabular-nums">
          <thead>
            <tr className="text-left text-slate-700">
              <th scope="col">Decile</th>
              <th scope="col">Entered from</th>
              <th scope="col">Entrants</th>
              <th scope="col">Winners</th>
              <th scope="col">Win rate</th>
            </tr>
          </thead>
          <tbody>
            {fairness.deciles.map((d) => (
              <tr key={d.decile}>
                <td>{d.decile}</td>
                <td>{new Date(d.from).toLocaleTimeString()}</td>
                <td>{d.entrants.toLocaleString()}</td>
                <td>{d.winners.toLocaleString()}</td>
                <td>{percent(d.winRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>

      <figure className="space-y-2">
        <figcaption className="font-medium">Entrants over time (per second)</figcaption>
        <div className="flex h-24 items-end gap-px" aria-hidden="true">
          {fairness.entrantsOverTime.map((p) => (
            <div key={p.second} className="flex-1 bg-slate-700" style={{ height: `${(p.entries / peak) * 100}%` }} />
          ))}
        </div>
        <details className="report-table">
          <summary className="cursor-pointer text-sm font-medium text-slate-800 print:hidden">
            Data table: entrants over time
          </summary>
          <table className="w-full text-sm tabular-nums">
            <tbody>
              {fairness.entrantsOverTime.map((p) => (
                <tr key={p.second}>
                  <td>{new Date(p.time).toLocaleTimeString()}</td>
                  <td>{p.entries.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figure>

      <div className="space-y-1 text-sm break-all">
        <h3 className="font-medium">How to verify the draw</h3>
        <p>
          Seed hash: <span className="font-mono">{fairness.verify.seedSha256}</span>
        </p>
        <p>
          Seed: <span className="font-mono">{fairness.verify.seed ?? "revealed after the draw"}</span>
        </p>
        <p className="text-slate-700">
          SHA-256 of the seed&apos;s bytes must equal the hash published before entries opened; {fairness.verify.formula}. The
          entrants file lists every ticket with its entry time and result, without user ids.
        </p>
        <a href={reportUrl(id, "entrants-csv")} download className={buttonClass.secondary}>
          Download entrants CSV
        </a>
      </div>
    </section>
  );
}
