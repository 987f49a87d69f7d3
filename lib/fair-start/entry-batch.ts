import type pg from "pg";
import { groupCommitPerPool, type Waiter as GroupWaiter } from "@/lib/group-commit";

/** An entry as written. */
export interface StoredEntry {
  status: "WAITING" | "WON" | "LOST";
  enteredAt: Date;
  ticket: string;
  position: number | null;
}

interface EntryRequest {
  promotionId: string;
  userId: string;
  seed: string;
  ticket: string;
}

// The entries of one moment and promotion, in one statement (group commit, as the claim path's
// winners: lib/claims/winner-batch.ts). The statement holds the promotion's row FOR KEY SHARE
// while it commits (the lock its foreign key takes anyway), so the draw, which locks the row FOR
// UPDATE, waits for it; a batch that reaches the row after the draw committed finds drawnAt set
// and writes nothing. Its guard reads PostgreSQL's clock, the one the draw reads too. ON CONFLICT:
// a second entry (even twice in one batch) changes nothing.
const INSERT_ENTRIES = `
  WITH p AS (
    SELECT id FROM "Promotion"
    WHERE id = $1 AND published AND "fairStartSeed" = $2 AND "fairStartDrawnAt" IS NULL
      AND now() >= "startsAt" - make_interval(secs => "fairStartWindowSeconds") AND now() < "startsAt"
    FOR KEY SHARE
  )
  INSERT INTO "Entry" ("promotionId", "userId", ticket, status, "enteredAt")
  SELECT p.id, r.user_id, r.ticket, 'WAITING', now() FROM p CROSS JOIN unnest($3::text[], $4::text[]) AS r(user_id, ticket)
  ON CONFLICT ("promotionId", "userId") DO NOTHING
  RETURNING "userId", status::text AS status, "enteredAt", ticket, position`;

const MAX_BATCH_ROWS = 500;
const MAX_IN_FLIGHT = 4;

type Waiter = GroupWaiter<EntryRequest, StoredEntry | null>;

/**
 * Writes an entry together with the other entries of the same moment (lib/group-commit.ts, one
 * batch per promotion and seed); resolves once its batch has committed, with the row, or null
 * when nothing was written (entered before, or the window is not open on PostgreSQL's clock). A
 * failed batch rejects exactly its own callers.
 */
export const recordEntry: (pool: pg.Pool, entry: EntryRequest) => Promise<StoredEntry | null> = groupCommitPerPool(
  "fair-start/entry-batch",
  {
    keyOf: (e: EntryRequest) => `${e.promotionId}\u0000${e.seed}`,
    maxRows: MAX_BATCH_ROWS,
    maxInFlight: MAX_IN_FLIGHT,
    write,
  },
);

async function write(pool: pg.Pool, batch: Waiter[]): Promise<void> {
  const { promotionId, seed } = batch[0].item;
  try {
    const { rows } = await pool.query<StoredEntry & { userId: string }>(INSERT_ENTRIES, [
      promotionId,
      seed,
      batch.map((w) => w.item.userId),
      batch.map((w) => w.item.ticket),
    ]);
    const byUser = new Map(rows.map(({ userId, ...row }) => [userId, row]));
    for (const w of batch) {
      const row = byUser.get(w.item.userId) ?? null;
      // The same person twice in one batch: the row answers the first, the other reads it back.
      byUser.delete(w.item.userId);
      w.resolve(row);
    }
  } catch (error) {
    for (const w of batch) w.reject(error);
  }
}
