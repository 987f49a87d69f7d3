import { z } from "zod";
import { csv, json, route } from "@/lib/http/route";
import { dropReport, reportCsv } from "@/lib/promotions/drop-report";
import { promotionIdParams } from "@/lib/promotions/schemas";
import { services } from "@/lib/services";

const query = z.object({ format: z.enum(["json", "csv"]).default("json") }).strict();

/** The drop report: summary and per-second series as JSON, or the series as CSV (`?format=csv`). */
export const GET = route({ access: "admin", params: promotionIdParams, query }, async ({ params, query }) => {
  const report = await dropReport(services(), params.id);
  if (query.format === "csv") return csv(reportCsv(report), `drop-report-${params.id}.csv`);
  return json(report, 200, { "Cache-Control": "no-store" });
});
