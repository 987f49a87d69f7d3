import { z } from "zod";
import { entrantsCsv } from "@/lib/fair-start/fairness";
import { csv, json, route } from "@/lib/http/route";
import { dropReport, reportCsv } from "@/lib/promotions/drop-report";
import { promotionIdParams } from "@/lib/promotions/schemas";
import { services } from "@/lib/services";

const query = z.object({ format: z.enum(["json", "csv", "entrants-csv"]).default("json") }).strict();

/**
 * The drop report: summary and per-second series as JSON, or the series as CSV (`?format=csv`),
 * or a fair-start draw's entrants as CSV (`?format=entrants-csv`: ticket, time, status; no user ids).
 */
export const GET = route({ access: "admin", params: promotionIdParams, query }, async ({ params, query }) => {
  if (query.format === "entrants-csv") return csv(await entrantsCsv(services(), params.id), `entrants-${params.id}.csv`);
  const report = await dropReport(services(), params.id);
  if (query.format === "csv") return csv(reportCsv(report), `drop-report-${params.id}.csv`);
  return json(report, 200, { "Cache-Control": "no-store" });
});
