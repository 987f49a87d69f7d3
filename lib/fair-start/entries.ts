import { boundedCache } from "@/lib/cache/lru";
import { findActiveClaim } from "@/lib/claims/person-claims";
import { claimView, type ClaimView } from "@/lib/claims/view";
import { DomainError, notFound } from "@/lib/errors/domain-error";
import { assertEligible } from "@/lib/issuance/validator";
import { markChanged } from "@/lib/live/changes";
import { processState } from "@/lib/process-state";
import { getClaimConfig } from "@/lib/promotions/claim-config";
import type { Services } from "@/lib/services";
import { drawAndWait, knownDrawn } from "./draw";
import { recordEntry } from "./entry-batch";
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

/** A promotion's window and, in the same read, the caller's entry. */
type State = Window & { entry: EntryRow | null };

const closed = () => new DomainError("ENTRY_CLOSED", "Entries to this draw are closed.");

// A promotion's window, as this process last read it (one second): a crowd's entries cost one
// statement each, the insert, whose own guard has the last word on the window.
interface CachedWindow {
  published: boolean;
  seed: string | null;
  opensAt: number | null;
  startsAt: number;
}
const windows = processState("fair-start/entries:windows", () =>
  boundedCache<string, Promise<CachedWindow | null>>({ max: 10_000, ttlMs: 1_000 }),
);
// Answers from the cached window only this far from its edges; nearer, PostgreSQL's clock decides.
const EDGE_MS = 1_000;

/** Forgets the cached window (an admin changed the promotion). */
export function forgetEntryWindow(promotionId: string): void {
  windows.delete(promotionId);
}

function cachedWindow(services: Services, promotionId: string): Promise<CachedWindow | null> {
  const hit = windows.get(promotionId);
  if (hit) return hit;
  const read = readState(services, promotionId, "").then((w) =>
    w ? { published: w.published, seed: w.seed, opensAt: w.opensAt?.getTime() ?? null, startsAt: w.startsAt.getTime() } : null,
  );
  windows.set(promotionId, read);
  read.catch(() => windows.delete(promotionId));
  return read;
}

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
  const cached = await cachedWindow(services, promotionId);
  if (!cached?.published) throw notFound();
  if (cached.seed === null || cached.opensAt === null) throw closed();
  const now = Date.now();
  // Far enough from the window's edges, this process's clock can answer without a round trip.
  if (now < cached.opensAt - EDGE_MS)
    assertOpen({ ...cached, opensAt: new Date(cached.opensAt), startsAt: new Date(cached.startsAt), dbNow: new Date(now) });
  if (now >= cached.startsAt + EDGE_MS) throw closed();
  const config = await getClaimConfig(services.db, promotionId);
  if (config?.validator) {
    // Someone already in is answered without asking the eligibility service again.
    const state = await readState(services, promotionId, userId);
    if (!state?.published) throw notFound();
    assertOpen(state);
    if (state.entry) return { entry: await entryView(services, promotionId, userId, state.entry), created: false };
    await assertEligible(config.validator, who);
  }
  // Durable before acknowledged: written with the other entries of this moment (entry-batch.ts).
  const stored = await recordEntry(services.pool, {
    promotionId,
    userId,
    seed: cached.seed,
    ticket: ticketOf(cached.seed, userId),
  });
  if (stored) {
    markChanged(services.engine, promotionId); // the live screens' entrant count
    return { entry: await entryView(services, promotionId, userId, stored), created: true };
  }
  // Nothing written: entered before (or in a parallel request), or the window is not open.
  const state = await readState(services, promotionId, userId);
  if (!state?.published) throw notFound();
  if (state.entry) {
    if (state.dbNow >= state.startsAt) throw closed();
    return { entry: await entryView(services, promotionId, userId, state.entry), created: false };
  }
  assertOpen(state);
  throw closed(); // the seed changed under the cached window: a new try reads it afresh
}

/** GET /api/promotions/{id}/entry: the caller's entry, its result once the draw is done. */
export async function myEntry(services: Services, promotionId: string, userId: string): Promise<EntryView> {
  let state = await readState(services, promotionId, userId);
  if (!state?.published) throw notFound();
  if (state.seed !== null && !knownDrawn(promotionId) && state.dbNow >= state.startsAt && state.entry?.status === "WAITING") {
    // Due and not drawn yet: draw now (or wait for whoever is drawing) rather than for a timer.
    await drawAndWait(services, promotionId, 2_000);
    state = await readState(services, promotionId, userId);
  }
  if (!state?.entry) throw new DomainError("NO_ENTRY", "You have not entered this draw.");
  return entryView(services, promotionId, userId, state.entry);
}

async function readState(services: Services, promotionId: string, userId: string): Promise<State | null> {
  const { rows } = await services.pool.query<
    Window & { status: EntryRow["status"] | null; enteredAt: Date | null; ticket: string | null; position: number | null }
  >(
    `SELECT p.published, p."fairStartSeed" AS seed, p."startsAt",
       p."startsAt" - make_interval(secs => p."fairStartWindowSeconds") AS "opensAt", now() AS "dbNow",
       e.status::text AS status, e."enteredAt", e.ticket, e.position
     FROM "Promotion" p LEFT JOIN "Entry" e ON e."promotionId" = p.id AND e."userId" = $2
     WHERE p.id = $1`,
    [promotionId, userId],
  );
  const r = rows[0];
  if (!r) return null;
  const entry =
    r.status && r.enteredAt && r.ticket
      ? { status: r.status, enteredAt: r.enteredAt, ticket: r.ticket, position: r.position }
      : null;
  return { published: r.published, seed: r.seed, opensAt: r.opensAt, startsAt: r.startsAt, dbNow: r.dbNow, entry };
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
  const { rows } = await services.pool.query<{
    id: string;
    status: string;
    couponCode: string | null;
    claimedAt: Date;
    expiresAt: Date | null;
  }>(
    `SELECT c.id, c.status::text AS status, c."couponCode", c."claimedAt", c."expiresAt"
     FROM "Entry" e JOIN "Claim" c ON c.id = e."claimId"
     WHERE e."promotionId" = $1 AND e."userId" = $2`,
    [promotionId, userId],
  );
  return rows[0] ? claimView({ ...rows[0], promotionId }) : null;
}
