-- CreateTable
CREATE TABLE "ClaimSecond" (
    "promotionId" TEXT NOT NULL,
    "second" BIGINT NOT NULL,
    "won" INTEGER NOT NULL DEFAULT 0,
    "soldOut" INTEGER NOT NULL DEFAULT 0,
    "alreadyClaimed" INTEGER NOT NULL DEFAULT 0,
    "rateLimited" INTEGER NOT NULL DEFAULT 0,
    "notEligible" INTEGER NOT NULL DEFAULT 0,
    "notStarted" INTEGER NOT NULL DEFAULT 0,
    "unavailable" INTEGER NOT NULL DEFAULT 0,
    "other" INTEGER NOT NULL DEFAULT 0,
    "latency" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "remaining" INTEGER,
    "triers" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ClaimSecond_pkey" PRIMARY KEY ("promotionId","second")
);

-- AddForeignKey
ALTER TABLE "ClaimSecond" ADD CONSTRAINT "ClaimSecond_promotionId_fkey" FOREIGN KEY ("promotionId") REFERENCES "Promotion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

