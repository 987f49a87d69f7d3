-- Coupon terms (issue #21): currency, cap, minimum order, validity after claiming, time zone.
-- Existing promotions were typed in US cents, so they become USD, and their zone is the documented
-- default (DEFAULT_TIME_ZONE's own default). The application always writes both explicitly.

-- AlterTable
ALTER TABLE "Promotion" ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'USD',
ADD COLUMN     "maxDiscountAmount" INTEGER,
ADD COLUMN     "minOrderAmount" INTEGER,
ADD COLUMN     "validityDays" INTEGER,
ADD COLUMN     "validUntil" TIMESTAMP(3),
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'Asia/Seoul';

-- A validity is days after the claim or a fixed end, never both (by hand: Prisma cannot declare checks).
ALTER TABLE "Promotion" ADD CONSTRAINT "Promotion_validity_one_kind" CHECK ("validityDays" IS NULL OR "validUntil" IS NULL);

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "expiresAt" TIMESTAMP(3);
