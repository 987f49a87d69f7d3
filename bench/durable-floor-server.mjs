// The durable floor: the least a server must do to answer a *winning* claim truthfully, on bare
// node:http with no framework. It decodes the same next-auth session cookie the app gets, runs
// the app's claim script through the app's own engine, and for a winner commits the same guarded
// statement as persistWinner (lib/claims/claim.ts) through pg before answering 201. Run with
// `node --import tsx`; env: DATABASE_URL, REDIS_URL, REDIS_KEY_PREFIX, NEXTAUTH_SECRET, PORT.
//   POST /claim/{promotionId}   session cookie next-auth.session-token
//   POST /enter/{promotionId}   a fair-start entry: the same cookie, one committed insert with its ticket
//   GET  /stock/{promotionId}, GET /health   see floor-http.mjs
import { hkdfSync, randomUUID } from "node:crypto";
import { jwtDecrypt } from "jose";
import pg from "pg";
import { newCouponCode } from "../lib/claims/coupon-code.ts";
import { ticketOf } from "../lib/fair-start/ticket.ts";
import { decide, engineFromEnv, send, sendRejection, serveFloor } from "./floor-http.mjs";

const COOKIE_NAME = "next-auth.session-token";

// next-auth v4's encryption key, derived once per process as lib/auth/session.ts does.
const KEY = new Uint8Array(hkdfSync("sha256", process.env.NEXTAUTH_SECRET, "", "NextAuth.js Generated Encryption Key", 32));

const engine = engineFromEnv();
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
// An idle client's error (e.g. the database going away at the end of the run) must not crash us.
pool.on("error", () => {});

function sessionToken(cookieHeader = "") {
  for (const part of cookieHeader.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === COOKIE_NAME) return value.join("=");
  }
  return null;
}

/** The signed-in user's id, or null for a missing, forged or expired cookie. */
async function sessionUserId(cookieHeader) {
  const token = sessionToken(cookieHeader);
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, KEY, { clockTolerance: 15 });
    return typeof payload.sub === "string" ? payload.sub : null;
  } catch {
    return null;
  }
}

// One guarded statement per winner, as a per-request server would write it (the app batches the
// same guard and insert, lib/claims/winner-batch.ts): the stock guard and the claim row commit
// together or not at all.
const PERSIST_WINNER = `
  WITH guard AS (
    UPDATE "Promotion" SET "claimedCount" = "claimedCount" + 1
    WHERE id = $1 AND "claimedCount" < "totalStock"
    RETURNING id, "validityDays", "validUntil"
  )
  INSERT INTO "Claim" (id, "promotionId", "userId", status, "couponCode", "nextAttemptAt", "claimedAt", "expiresAt", "updatedAt")
  SELECT $2, guard.id, $3, $4::"ClaimStatus", $5, CASE WHEN $6::boolean THEN NULL ELSE now() END, now(),
    COALESCE(guard."validUntil", now() + guard."validityDays" * interval '24 hours'), now()
  FROM guard
  RETURNING id, "promotionId", status::text AS status, "couponCode", "claimedAt", "expiresAt"`;

async function persistWinner(promotionId, userId) {
  const { rows } = await pool.query(PERSIST_WINNER, [promotionId, randomUUID(), userId, "ISSUED", newCouponCode(), true]);
  return rows[0] ?? null;
}

async function claim(req, res, promotionId) {
  const userId = await sessionUserId(req.headers.cookie);
  if (!userId) return send(res, 401, { error: "UNAUTHENTICATED" });
  const decision = await decide(engine, promotionId, userId);
  if (decision.kind !== "WON") return sendRejection(res, decision);
  let row;
  try {
    row = await persistWinner(promotionId, userId);
  } catch {
    // Nothing durable was written: give the coupon back before saying so.
    await engine.stock.release(promotionId, userId).catch(() => {});
    return send(res, 503, { error: "UNAVAILABLE" });
  }
  // The database's guard says the stock is gone (never expected here: Redis and the row agree).
  if (!row) return send(res, 410, { error: "SOLD_OUT" });
  send(res, 201, { claim: row, remaining: Math.max(decision.remaining, 0) });
}

// The least a fair-start entry must do to be durable before it is acknowledged: the seed read once
// per promotion, the ticket computed, one insert committed (a second entry changes nothing).
const seeds = new Map();
const INSERT_ENTRY = `
  INSERT INTO "Entry" ("promotionId", "userId", ticket, status, "enteredAt") VALUES ($1, $2, $3, 'WAITING', now())
  ON CONFLICT ("promotionId", "userId") DO NOTHING RETURNING "enteredAt"`;

async function enter(req, res, promotionId) {
  const userId = await sessionUserId(req.headers.cookie);
  if (!userId) return send(res, 401, { error: "UNAUTHENTICATED" });
  if (!seeds.has(promotionId)) {
    const { rows } = await pool.query(`SELECT "fairStartSeed" AS seed FROM "Promotion" WHERE id = $1`, [promotionId]);
    seeds.set(promotionId, rows[0]?.seed ?? null);
  }
  const seed = seeds.get(promotionId);
  if (!seed) return send(res, 409, { error: "ENTRY_CLOSED" });
  const { rows } = await pool.query(INSERT_ENTRY, [promotionId, userId, ticketOf(seed, userId)]);
  send(res, rows[0] ? 202 : 200, { entry: { status: "WAITING" } });
}

serveFloor({ engine, claim, enter, close: () => pool.end() });
