import { findActiveClaim } from "@/lib/claims/my-claim";
import type { ClaimView } from "@/lib/claims/view";
import { DomainError, notFound } from "@/lib/errors/domain-error";
import { assertEligible } from "@/lib/issuance/validator";
import { markChanged } from "@/lib/live/changes";
import { getClaimConfig } from "@/lib/promotions/claim-config";
import type { Services } from "@/lib/services";
import { drawAndWait, knownDrawn } from "./draw";
import { ticketOf } from "./ticket";

/** An entry as the API shows it: ticket and position only once the draw is done. */
export interface EntryView {
  status: "WAITING" | "WON" | "LOST";
  enteredAt: string;
  ticket: string | null;
  position: number | null;
  claim: ClaimView | null;
}

interface EntryRow {
  status: "WAITING" | "WON" | "LOST";
  enteredAt: Date;
  ticket: string;
  position: number | null;
}

interface Window {
  published: boolean;
  seed: string | null;
  opensAt: Date | null;
  startsAt: Date;
  dbNow: Date;
}

const closed = () => new DomainError("ENTRY_CLOSED", "Entries to this draw are closed.");

// The entry itself, durable before it is acknowledged. It holds the promotion's row FOR SHARE
// while it commits, so the draw (which locks the row FOR UPDATE) waits for it; its guard reads
// PostgreSQL's clock, the one the draw reads too. ON CONFLICT: a second entry changes nothing.
const INSERT_ENTRY = `
  WITH p AS (
    SELECT id FROM "Promotion"
    WHERE id = $1 AND published AND "fairStartSeed" = $3 AND "fairStartDrawnAt" IS NULL
      AND now() >= "startsAt" - make_interval(secs => "fairStartWindowSeconds") AND now() < "startsAt"
    FOR SHARE
  )
  INSERT INTO "Entry" ("promotionId", "userId", ticket, status, "enteredAt")
  SELECT p.id, $2, $4, 'WAITING', now() FROM p
  ON CONFLICT ("promotionId", "userId") DO NOTHING
  RETURNING status::text AS status, "enteredAt", ticket, position`;

/**
 * POST /api/promotions/{id}/entry. Before the window: NOT_STARTED; after T0 or on a classic
 * promotion: ENTRY_CLOSED; an entry already made: the same entry (`created: false`). The
 * eligibility service is asked before a new entry is written.
 */
export async function enterDraw(
  services: Services,
  who: { promotionId: string; userId: string; email: string | null },
): Promise<{ entry: EntryView; created: boolean }> {
  const { promotionId, userId } = who;
  const window = await readWindow(services, promotionId);
  assertOpen(window);
  const existing = await findEntry(services, promotionId, userId);
  if (existing) return { entry: await entryView(services, promotionId, userId, existing), created: false };
  const config = await getClaimConfig(services.db, promotionId);
  if (config?.validator) await assertEligible(config.validator, who);
  const ticket = ticketOf(window.seed!, userId);
  const { rows } = await services.pool.query<EntryRow>(INSERT_ENTRY, [promotionId, userId, window.seed, ticket]);
  if (rows[0]) {
    markChanged(services.engine, promotionId); // the live screens' entrant count
    return { entry: await entryView(services, promotionId, userId, rows[0]), created: true };
  }
  // Nothing written: entered meanwhile (a parallel request), or the window closed (T0 passed).
  const again = await findEntry(services, promotionId, userId);
  if (again) return { entry: await entryView(services, promotionId, userId, again), created: false };
  assertOpen(await readWindow(services, promotionId));
  throw closed();
}

/** GET /api/promotions/{id}/entry: the caller's entry, its result once the draw is done. */
export async function myEntry(services: Services, promotionId: string, userId: string): Promise<EntryView> {
  const window = await readWindow(services, promotionId);
  if (window.seed !== null && !knownDrawn(promotionId) && window.dbNow >= window.startsAt) {
    // Due and not drawn yet: draw now (or wait for whoever is drawing) rather than for a timer.
    await drawAndWait(services, promotionId, 2_000);
  }
  const row = await findEntry(services, promotionId, userId);
  if (!row) throw new DomainError("NO_ENTRY", "You have not entered this draw.");
  return entryView(services, promotionId, userId, row);
}

async function readWindow(services: Services, promotionId: string): Promise<Window> {
  const { rows } = await services.pool.query<Window>(
    `SELECT published, "fairStartSeed" AS seed, "startsAt",
       "startsAt" - make_interval(secs => "fairStartWindowSeconds") AS "opensAt", now() AS "dbNow"
     FROM "Promotion" WHERE id = $1`,
    [promotionId],
  );
  if (!rows[0]?.published) throw notFound();
  return rows[0];
}

function assertOpen(w: Window) {
  if (w.seed === null || w.opensAt === null) throw closed();
  if (w.dbNow < w.opensAt) {
    throw new DomainError("NOT_STARTED", "Entries to this draw have not opened yet.", {
      opensAt: w.opensAt.toISOString(),
      serverTime: w.dbNow.toISOString(),
    });
  }
  if (w.dbNow >= w.startsAt) throw closed();
}

async function findEntry(services: Services, promotionId: string, userId: string): Promise<EntryRow | null> {
  const { rows } = await services.pool.query<EntryRow>(
    `SELECT status::text AS status, "enteredAt", ticket, position FROM "Entry" WHERE "promotionId" = $1 AND "userId" = $2`,
    [promotionId, userId],
  );
  return rows[0] ?? null;
}

async function entryView(services: Services, promotionId: string, userId: string, row: EntryRow): Promise<EntryView> {
  const settled = row.status !== "WAITING";
  return {
    status: row.status,
    enteredAt: row.enteredAt.toISOString(),
    ticket: settled ? row.ticket : null,
    position: settled ? row.position : null,
    claim: row.status === "WON" ? await winnersClaim(services, promotionId, userId) : null,
  };
}

/** A winner's claim: the active one, or the failed one when it could not be issued. */
async function winnersClaim(services: Services, promotionId: string, userId: string): Promise<ClaimView | null> {
  const active = await findActiveClaim(services.db, userId, promotionId);
  if (active) return active;
  const { rows } = await services.pool.query<{ id: string; status: string; couponCode: string | null; claimedAt: Date }>(
    `SELECT c.id, c.status::text AS status, c."couponCode", c."claimedAt" FROM "Entry" e JOIN "Claim" c ON c.id = e."claimId"
     WHERE e."promotionId" = $1 AND e."userId" = $2`,
    [promotionId, userId],
  );
  return rows[0]
    ? { ...rows[0], promotionId, status: rows[0].status as ClaimView["status"], claimedAt: rows[0].claimedAt.toISOString() }
    : null;
}
