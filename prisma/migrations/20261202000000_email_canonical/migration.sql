-- One account per mailbox: the canonical form of each email (lib/auth/email.ts), unique.
-- Backfill with the default rules (gmail.com and googlemail.com ignore dots and +tags, and
-- googlemail.com is gmail.com). Where existing accounts already share a mailbox, one of them gets
-- the canonical form (the one whose address already is that form, else the oldest, then the
-- smallest id) and every other keeps its own lower-cased address. That address is never a
-- canonical gmail.com form (it has a dot, a plus or the googlemail.com domain), so the index holds,
-- nothing is deleted or merged, and those people still sign in with the address they used.
ALTER TABLE "User" ADD COLUMN "emailCanonical" TEXT;

WITH computed AS (
  SELECT
    id,
    CASE
      WHEN split_part(lower(trim(email)), '@', 2) IN ('gmail.com', 'googlemail.com')
        AND replace(split_part(split_part(lower(trim(email)), '@', 1), '+', 1), '.', '') <> ''
      THEN replace(split_part(split_part(lower(trim(email)), '@', 1), '+', 1), '.', '') || '@gmail.com'
      ELSE lower(trim(email))
    END AS canonical,
    email,
    "createdAt"
  FROM "User"
),
ranked AS (
  SELECT
    id,
    canonical,
    row_number() OVER (PARTITION BY canonical ORDER BY (canonical = lower(trim(email))) DESC, "createdAt", id) AS rank
  FROM computed
)
UPDATE "User" u
SET "emailCanonical" = CASE WHEN r.rank = 1 THEN r.canonical ELSE lower(trim(u.email)) END
FROM ranked r
WHERE r.id = u.id;

ALTER TABLE "User" ALTER COLUMN "emailCanonical" SET NOT NULL;

CREATE UNIQUE INDEX "User_emailCanonical_key" ON "User"("emailCanonical");
