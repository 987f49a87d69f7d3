import { env } from "@/lib/env";
import { json, route } from "@/lib/http/route";
import { issueDueClaims } from "@/lib/issuance/worker";
import { services } from "@/lib/services";

const TIME_BUDGET_MS = 20_000;

/** For serverless deployments without a long-running worker: a scheduler calls this every minute. */
export const POST = route(
  { access: "public", bearer: { secret: () => env.CRON_SECRET, name: "CRON_SECRET", unset: "UNAUTHENTICATED" } },
  async () => {
    const deadline = Date.now() + TIME_BUDGET_MS;
    let processed = 0;
    for (let handled = -1; handled !== 0 && Date.now() < deadline;) {
      handled = await issueDueClaims(services());
      processed += handled;
    }
    return json({ processed });
  },
);
