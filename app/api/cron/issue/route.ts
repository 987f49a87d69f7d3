import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";
import { issueDueClaims } from "@/lib/issuance/worker";
import { services } from "@/lib/services";

const TIME_BUDGET_MS = 20_000;

function authorized(header: string | null): boolean {
  if (!env.CRON_SECRET || !header) return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(`Bearer ${env.CRON_SECRET}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** For serverless deployments without a long-running worker: a scheduler calls this every minute. */
export const POST = route({ access: "public" }, async ({ req }) => {
  if (!authorized(req.header("authorization"))) {
    throw new DomainError("UNAUTHENTICATED", "A valid Bearer CRON_SECRET is required.");
  }
  const deadline = Date.now() + TIME_BUDGET_MS;
  let processed = 0;
  for (let handled = -1; handled !== 0 && Date.now() < deadline;) {
    handled = await issueDueClaims(services());
    processed += handled;
  }
  return Response.json({ processed });
});
