-- Coupon codes are unique per promotion, not globally: each promotion's external coupon service
-- mints its own codes, and one service's code must not block another promotion's claim.
-- Existing rows satisfy the new index: they were unique globally.

-- DropIndex
DROP INDEX "Claim_couponCode_key";

-- CreateIndex
CREATE UNIQUE INDEX "Claim_promotionId_couponCode_key" ON "Claim"("promotionId", "couponCode");
