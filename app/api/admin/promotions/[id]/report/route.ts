import { z } from "zod";
import { json, route } from "@/lib/http/route";
import { dropReport, reportCsv } from "@/lib/promotions/drop-report";
import { promotionIdParams } from "@/lib/promotions/schemas";
import { services } from "@/lib/services";

const query = z.object({ format: z.enum(["json", "csv"]).default("json") }).strict();

/** The drop report: summary and per-second series as JSON, or the series as CSV (`?format=csv`). */
export const GET = route({ access: "admin", params: promotionIdParams }, async ({ req, params }) => {
  const { format } = query.parse(Object.fromEntries(req.query));
  const report = await dropReport(services(), params.id);
  if (format === "csv") {
    return new Response(reportCsv(report), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="drop-report-${params.id}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  }
  return json(report, 200, { "Cache-Control": "no-store" });
});
