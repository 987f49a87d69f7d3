-- Revocable sessions and the admin Users page (issue 12, item 4).
-- A session JWT carries the sessionVersion it was signed in with: raising it signs the account
-- out everywhere. accessRevision orders the stock engine's copies of (role, disabled, version).
ALTER TABLE "User" ADD COLUMN     "accessRevision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "disabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- Audit rows of changes to an account (role, disabled, sign-out everywhere).
ALTER TABLE "AuditLog" ADD COLUMN     "targetUserId" TEXT;

CREATE INDEX "AuditLog_targetUserId_createdAt_idx" ON "AuditLog"("targetUserId", "createdAt");

ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_targetUserId_fkey" FOREIGN KEY ("targetUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
