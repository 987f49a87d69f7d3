import { z } from "zod";
import { csv, json, route } from "@/lib/http/route";
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

export const GET = route({ access: "admin", params: promotionIdParams, query }, async ({ params, query }) => {
  if (query.format === "csv") return csv(await winnersCsv(services(), params.id), `winners-${params.id}.csv`);
  return json(await listWinners(services(), params.id, query.page, query.pageSize));
});
