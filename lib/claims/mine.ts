import type { Db } from "@/lib/db";
import { claimView } from "./view";

/** A person's claims, newest first, with the promotion they belong to. */
export async function listClaimsOf(db: Db, userId: string) {
  const claims = await db.claim.findMany({
    where: { userId },
    orderBy: { claimedAt: "desc" },
    include: { promotion: { select: { id: true, title: true, slug: true } } },
  });
  return claims.map((c) => ({ ...claimView(c), promotion: c.promotion }));
}
