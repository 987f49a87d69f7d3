import type pg from "pg";
import { processState } from "@/lib/process-state";

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

interface Waiter {
  entry: EntryRequest;
  resolve: (row: StoredEntry | null) => void;
  reject: (error: unknown) => void;
}
interface Batcher {
  queue: Waiter[];
  inFlight: number;
  scheduled: boolean;
}

// One batcher per pool and process (lib/process-state.ts), so every copy's entries share batches.
const batchers = processState("fair-start/entry-batch", () => new WeakMap<pg.Pool, Batcher>());

/**
 * Writes an entry together with the other entries of the same moment; resolves once its batch has
 * committed, with the row, or null when nothing was written (entered before, or the window is not
 * open on PostgreSQL's clock). A failed batch rejects exactly its own callers.
 */
export function recordEntry(pool: pg.Pool, entry: EntryRequest): Promise<StoredEntry | null> {
  let batcher = batchers.get(pool);
  if (!batcher) batchers.set(pool, (batcher = { queue: [], inFlight: 0, scheduled: false }));
  const b = batcher;
  return new Promise((resolve, reject) => {
    b.queue.push({ entry, resolve, reject });
    schedule(pool, b);
  });
}

function schedule(pool: pg.Pool, b: Batcher) {
  if (b.scheduled || b.queue.length === 0 || b.inFlight >= MAX_IN_FLIGHT) return;
  b.scheduled = true;
  // After the current turn of the event loop, so every entry of it joins the batch.
  setImmediate(() => {
    b.scheduled = false;
    while (b.queue.length > 0 && b.inFlight < MAX_IN_FLIGHT) {
      const batch = takeBatch(b.queue);
      b.inFlight++;
      void write(pool, batch).finally(() => {
        b.inFlight--;
        schedule(pool, b);
      });
    }
  });
}

/** The oldest waiter's promotion and seed, with up to MAX_BATCH_ROWS of its entries. */
function takeBatch(queue: Waiter[]): Waiter[] {
  const { promotionId, seed } = queue[0].entry;
  const batch: Waiter[] = [];
  const rest: Waiter[] = [];
  for (const w of queue) {
    const same = w.entry.promotionId === promotionId && w.entry.seed === seed;
    (same && batch.length < MAX_BATCH_ROWS ? batch : rest).push(w);
  }
  queue.splice(0, queue.length, ...rest);
  return batch;
}

async function write(pool: pg.Pool, batch: Waiter[]): Promise<void> {
  const { promotionId, seed } = batch[0].entry;
  try {
    const { rows } = await pool.query<StoredEntry & { userId: string }>(INSERT_ENTRIES, [
      promotionId,
      seed,
      batch.map((w) => w.entry.userId),
      batch.map((w) => w.entry.ticket),
    ]);
    const byUser = new Map(rows.map(({ userId, ...row }) => [userId, row]));
    for (const w of batch) {
      const row = byUser.get(w.entry.userId) ?? null;
      // The same person twice in one batch: the row answers the first, the other reads it back.
      byUser.delete(w.entry.userId);
      w.resolve(row);
    }
  } catch (error) {
    for (const w of batch) w.reject(error);
  }
}
