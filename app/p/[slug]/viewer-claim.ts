import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { findActiveClaim } from "@/lib/claims/person-claims";
import type { ClaimView } from "@/lib/claims/view";
import { getDb } from "@/lib/db";
import { isDomainError } from "@/lib/errors/domain-error";
import { myEntry, type EntryView } from "@/lib/fair-start/entries";
import { services } from "@/lib/services";

/**
 * The signed-in viewer's claim on this promotion, so the page renders a winner's coupon from the
 * claim itself: a winner never sees "sold out". Null when signed out or holding none.
 */
export async function viewerClaim(promotionId: string): Promise<ClaimView | null> {
  const session = await getServerSession(authOptions());
  if (!session) return null;
  return findActiveClaim(getDb(), session.user.id, promotionId);
}

/** The signed-in viewer's entry into a fair-start draw; null when signed out or not entered. */
export async function viewerEntry(promotionId: string): Promise<EntryView | null> {
  const session = await getServerSession(authOptions());
  if (!session) return null;
  try {
    return await myEntry(services(), promotionId, session.user.id);
  } catch (error) {
    if (isDomainError(error) && error.code === "NO_ENTRY") return null;
    throw error;
  }
}
