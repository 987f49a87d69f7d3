// The requests a flash crowd sends (the claim, the stock poll, a fair-start entry, the sign-in before
// a drop), answered by the production server (server.ts) directly through lib/http/fast-lane.ts,
// without the App Router's per-request machinery (see bench/RESULTS.md). They run the same
// endpoints as the route handlers app/api/promotions/[id]/claim, .../stock, .../entry and
// app/api/auth/[...nextauth]. Every other request goes to Next.
import { signInEndpoint } from "@/lib/auth/next-auth-answer";
import { claimEndpoint } from "@/lib/claims/claim-endpoint";
import { enterEndpoint } from "@/lib/fair-start/entry-endpoint";
import type { Lane } from "@/lib/http/fast-lane";
import { stockEndpoint } from "@/lib/promotions/stock-endpoint";

export const FAST_LANES: Lane[] = [
  { method: "POST", pattern: /^\/api\/promotions\/([^/]+)\/claim$/, endpoint: claimEndpoint },
  { method: "GET", pattern: /^\/api\/promotions\/([^/]+)\/stock$/, endpoint: stockEndpoint },
  { method: "POST", pattern: /^\/api\/promotions\/([^/]+)\/entry$/, endpoint: enterEndpoint },
  { method: "POST", pattern: /^\/api\/auth\/callback\/(credentials)$/, endpoint: signInEndpoint },
];
