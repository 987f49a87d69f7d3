-- CreateEnum
CREATE TYPE "EntryStatus" AS ENUM ('WAITING', 'WON', 'LOST');

-- AlterTable
ALTER TABLE "Promotion" ADD COLUMN     "fairStartDrawnAt" TIMESTAMP(3),
ADD COLUMN     "fairStartSeed" TEXT,
ADD COLUMN     "fairStartSeedSha256" TEXT,
ADD COLUMN     "fairStartWindowSeconds" INTEGER;

-- CreateTable
CREATE TABLE "Entry" (
    "promotionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "ticket" TEXT NOT NULL,
    "status" "EntryStatus" NOT NULL DEFAULT 'WAITING',
    "position" INTEGER,
    "claimId" TEXT,
    "enteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Entry_pkey" PRIMARY KEY ("promotionId","userId")
);

-- CreateIndex
CREATE INDEX "Entry_promotionId_ticket_idx" ON "Entry"("promotionId", "ticket");

-- AddForeignKey
ALTER TABLE "Entry" ADD CONSTRAINT "Entry_promotionId_fkey" FOREIGN KEY ("promotionId") REFERENCES "Promotion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entry" ADD CONSTRAINT "Entry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

