// What the two floor servers (baseline-server.mjs, durable-floor-server.mjs) share: the app's own
// Redis stock engine, the one call into its claim script, the status of each decision and the
// bare node:http plumbing. Each floor supplies only its claim handler.
//   POST /claim/{promotionId}   the floor's claim handler
//   POST /enter/{promotionId}   the floor's fair-start entry handler, if it has one
//   GET  /stock/{promotionId}   SNAPSHOT script
//   GET  /health
import http from "node:http";
import { createRedisEngine } from "../lib/engine/redis.ts";

/** The HTTP status for each engine decision other than WON, as the app answers it. */
export const DECISION_STATUS = {
  ALREADY_CLAIMED: 409,
  SOLD_OUT: 410,
  NOT_STARTED: 403,
  ENDED: 403,
  PAUSED: 403,
  NOT_FOUND: 404,
  MISSING: 404,
};

/** The engine both floors use, on the bench's Redis under the floor's own key prefix. */
export function engineFromEnv() {
  return createRedisEngine({ url: process.env.REDIS_URL, keyPrefix: process.env.REDIS_KEY_PREFIX });
}

/** The one call into the claim script: if the engine's claim signature changes, change it here. */
export function decide(engine, promotionId, userId) {
  return engine.stock.claim(promotionId, userId, Date.now());
}

export function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** Answers a decision that is not a win. */
export function sendRejection(res, decision) {
  send(res, DECISION_STATUS[decision.kind], { error: decision.kind });
}

async function stock(engine, res, promotionId) {
  const snapshot = await engine.stock.snapshot(promotionId);
  if (!snapshot) return send(res, 404, { error: "NOT_FOUND" });
  send(res, 200, { remaining: snapshot.remaining, totalStock: snapshot.totalStock, serverTime: new Date().toISOString() });
}

/**
 * Listens on PORT (127.0.0.1). `claim(req, res, promotionId)` answers a claim; `close()` frees
 * what the floor holds besides the engine. Exits on SIGTERM / SIGINT.
 */
export function serveFloor({ engine, claim, enter, close = async () => {} }) {
  const handle = async (req, res) => {
    const [, action, id] = req.url.split("/");
    if (req.method === "POST" && action === "claim" && id) return claim(req, res, id);
    if (req.method === "POST" && action === "enter" && id && enter) return enter(req, res, id);
    if (req.method === "GET" && action === "stock" && id) return stock(engine, res, id);
    if (req.method === "GET" && action === "health") return send(res, 200, { status: "ok" });
    send(res, 404, { error: "NOT_FOUND" });
  };
  const server = http.createServer((req, res) => {
    // Claims carry no body; drain anything sent so keep-alive connections stay usable.
    req.resume();
    handle(req, res).catch(() => send(res, 503, { error: "UNAVAILABLE" }));
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.PORT), "127.0.0.1");

  const shutdown = () => {
    server.close();
    server.closeAllConnections();
    Promise.allSettled([close(), engine.close()]).finally(() => process.exit(0));
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}
