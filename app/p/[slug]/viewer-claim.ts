import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { findActiveClaim } from "@/lib/claims/person-claims";
import type { ClaimView } from "@/lib/claims/view";
import { getDb } from "@/lib/db";

/**
 * The signed-in viewer's claim on this promotion, so the page renders a winner's coupon from the
 * claim itself: a winner never sees "sold out". Null when signed out or holding none.
 */
export async function viewerClaim(promotionId: string): Promise<ClaimView | null> {
  const session = await getServerSession(authOptions());
  if (!session) return null;
  return findActiveClaim(getDb(), session.user.id, promotionId);
}
