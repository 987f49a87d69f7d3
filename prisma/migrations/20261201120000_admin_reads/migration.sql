-- CreateIndex
CREATE INDEX "Promotion_published_endsAt_idx" ON "Promotion"("published", "endsAt");

-- Hand-written (Prisma 6 cannot declare partial indexes): the admin dashboard, polled every
-- second, counts a promotion's PENDING claims (and finds the oldest) and its FAILED claims from
-- these small indexes, never from all of its claims (issued = "claimedCount" - pending).
CREATE INDEX "Claim_pending_promotionId_claimedAt_idx" ON "Claim"("promotionId", "claimedAt") WHERE "status" = 'PENDING';

CREATE INDEX "Claim_failed_promotionId_idx" ON "Claim"("promotionId") WHERE "status" = 'FAILED';
