// The floor this stack allows: a bare node:http server that answers a claim with the app's own
// Redis stock engine (same Lua CLAIM script, same ioredis client and options) and nothing else:
// no framework, no session decoding, no database write. Run with `node --import tsx` so the
// engine's TypeScript source is imported as is (the Lua is never copied into bench/).
//   POST /claim/{promotionId}   user id in the x-user-id header
//   GET  /stock/{promotionId}   SNAPSHOT script
//   GET  /health
import http from "node:http";
import { createRedisEngine } from "../lib/stock/redis.ts";

const STATUS = {
  WON: 201,
  ALREADY_CLAIMED: 409,
  SOLD_OUT: 410,
  NOT_STARTED: 403,
  ENDED: 403,
  PAUSED: 403,
  NOT_FOUND: 404,
  MISSING: 404,
};

const engine = createRedisEngine({ url: process.env.REDIS_URL, keyPrefix: process.env.REDIS_KEY_PREFIX });

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function claim(res, promotionId, userId) {
  if (!userId) return send(res, 401, { error: "UNAUTHENTICATED" });
  const decision = await engine.claim(promotionId, userId, Date.now());
  if (decision.kind === "WON") return send(res, 201, { remaining: decision.remaining });
  send(res, STATUS[decision.kind], { error: decision.kind });
}

async function stock(res, promotionId) {
  const snapshot = await engine.snapshot(promotionId);
  if (!snapshot) return send(res, 404, { error: "NOT_FOUND" });
  send(res, 200, { remaining: snapshot.remaining, totalStock: snapshot.totalStock, serverTime: new Date().toISOString() });
}

async function handle(req, res) {
  const [, action, id] = req.url.split("/");
  if (req.method === "POST" && action === "claim" && id) return claim(res, id, req.headers["x-user-id"]);
  if (req.method === "GET" && action === "stock" && id) return stock(res, id);
  if (req.method === "GET" && action === "health") return send(res, 200, { status: "ok" });
  send(res, 404, { error: "NOT_FOUND" });
}

const server = http.createServer((req, res) => {
  // Claims carry no body; drain anything sent so keep-alive connections stay usable.
  req.resume();
  handle(req, res).catch(() => send(res, 503, { error: "UNAVAILABLE" }));
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), "127.0.0.1");

function shutdown() {
  server.close();
  server.closeAllConnections();
  engine.close().finally(() => process.exit(0));
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
