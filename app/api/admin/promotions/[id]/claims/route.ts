import { z } from "zod";
import { route } from "@/lib/http/route";
import { listWinners, winnersCsv } from "@/lib/promotions/reports";
import { promotionIdParams } from "@/lib/promotions/schemas";
import { services } from "@/lib/services";

const query = z
  .object({
    format: z.enum(["json", "csv"]).default("json"),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const GET = route({ access: "admin", params: promotionIdParams }, async ({ req, params }) => {
  const { format, page, pageSize } = query.parse(Object.fromEntries(req.query));
  if (format === "csv") {
    return new Response(await winnersCsv(services(), params.id), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="winners-${params.id}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  }
  return Response.json(await listWinners(services(), params.id, page, pageSize));
});
