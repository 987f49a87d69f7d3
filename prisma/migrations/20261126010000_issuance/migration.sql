-- CreateEnum
CREATE TYPE "IssuerType" AS ENUM ('BUILTIN', 'HTTP');

-- DropIndex
DROP INDEX "Claim_promotionId_userId_key";

-- AlterTable
ALTER TABLE "Promotion" ADD COLUMN     "issuerSecret" TEXT,
ADD COLUMN     "issuerType" "IssuerType" NOT NULL DEFAULT 'BUILTIN',
ADD COLUMN     "issuerUrl" TEXT,
ADD COLUMN     "validatorTimeoutMs" INTEGER,
ADD COLUMN     "validatorUrl" TEXT;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "nextAttemptAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Claim_status_nextAttemptAt_idx" ON "Claim"("status", "nextAttemptAt");


-- Hand-written (Prisma 6 cannot declare partial indexes): one ACTIVE claim per person and
-- promotion. A FAILED claim (issuing gave up, stock returned) no longer blocks a new claim.
CREATE UNIQUE INDEX "Claim_active_promotionId_userId_key" ON "Claim"("promotionId", "userId") WHERE "status" <> 'FAILED';
