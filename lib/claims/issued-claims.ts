import { boundedCache } from "@/lib/cache/lru";
import { processState } from "@/lib/process-state";
import type { StoredClaim } from "./winner-batch";

// Claims this process committed as ISSUED, by promotion and person. An ISSUED claim never
// changes again, so a winner who presses again is answered from here, without a database
// query; everything else (PENDING claims, other instances' winners) is read from PostgreSQL.
const issued = processState("claims/issued-claims", () => boundedCache<string, StoredClaim>({ max: 50_000 }));

const keyOf = (promotionId: string, userId: string) => `${promotionId}\u0000${userId}`;

export function rememberIssued(claim: StoredClaim): void {
  if (claim.status !== "ISSUED") return;
  issued.set(keyOf(claim.promotionId, claim.userId), claim);
}

export function issuedClaim(promotionId: string, userId: string): StoredClaim | undefined {
  return issued.get(keyOf(promotionId, userId));
}
