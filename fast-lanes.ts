// The requests a flash crowd sends (the claim, and the stock poll), answered by the production
// server (server.ts) directly through lib/http/fast-lane.ts, without the App Router's
// per-request machinery (see bench/RESULTS.md). Every other request goes to Next.
import { POST as claim } from "@/app/api/promotions/[id]/claim/route";
import { GET as stock } from "@/app/api/promotions/[id]/stock/route";
import type { Lane } from "@/lib/http/fast-lane";

export const FAST_LANES: Lane[] = [
  { method: "POST", pattern: /^\/api\/promotions\/([^/]+)\/claim$/, handler: claim },
  { method: "GET", pattern: /^\/api\/promotions\/([^/]+)\/stock$/, handler: stock },
];
