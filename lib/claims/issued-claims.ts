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

// Winners whose claim row this process is committing right now. A person who presses again
// while their row commits (the engine already says ALREADY_CLAIMED) waits for that commit instead
// of asking PostgreSQL every 50 ms: in a burst those repeat presses arrive during the first
// group-commit batches (bench/RESULTS.md, the cold bursts). Each entry leaves when its write settles.
const committing = processState("claims/committing-claims", () => new Map<string, Promise<StoredClaim | null>>());

export function rememberCommitting(promotionId: string, userId: string, write: Promise<StoredClaim | null>): void {
  const key = keyOf(promotionId, userId);
  committing.set(key, write);
  const forget = () => {
    if (committing.get(key) === write) committing.delete(key);
  };
  write.then(forget, forget);
}

/** The claim row this process is committing for the person, if any: null when the database refused it. */
export function committingClaim(promotionId: string, userId: string): Promise<StoredClaim | null> | undefined {
  return committing.get(keyOf(promotionId, userId));
}
