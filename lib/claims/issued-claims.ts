import type { StoredClaim } from "./winner-batch";

// Claims this process committed as ISSUED, by promotion and person. An ISSUED claim never
// changes again, so a winner who presses again is answered from here, without a database
// query; everything else (PENDING claims, other instances' winners) is read from PostgreSQL.
const MAX_ENTRIES = 50_000;
const issued = new Map<string, StoredClaim>();

const keyOf = (promotionId: string, userId: string) => `${promotionId}\u0000${userId}`;

export function rememberIssued(claim: StoredClaim): void {
  if (claim.status !== "ISSUED") return;
  // Oldest first out: a Map iterates in insertion order.
  if (issued.size >= MAX_ENTRIES) issued.delete(issued.keys().next().value!);
  issued.set(keyOf(claim.promotionId, claim.userId), claim);
}

export function issuedClaim(promotionId: string, userId: string): StoredClaim | undefined {
  return issued.get(keyOf(promotionId, userId));
}
