// The bare script floor: a bare node:http server that answers a claim with the app's own Redis
// stock engine (same Lua CLAIM script, same ioredis client and options) and nothing else: no
// framework, no session decoding, no database write. The floor for answers that write nothing
// (sold-out storm, stock read). Run with `node --import tsx` so the engine's TypeScript source is
// imported as is (the Lua is never copied into bench/).
//   POST /claim/{promotionId}   user id in the x-user-id header
//   GET  /stock/{promotionId}, GET /health   see floor-http.mjs
import { decide, engineFromEnv, send, sendRejection, serveFloor } from "./floor-http.mjs";

const engine = engineFromEnv();

async function claim(req, res, promotionId) {
  const userId = req.headers["x-user-id"];
  if (!userId) return send(res, 401, { error: "UNAUTHENTICATED" });
  const decision = await decide(engine, promotionId, userId);
  if (decision.kind === "WON") return send(res, 201, { remaining: decision.remaining });
  sendRejection(res, decision);
}

serveFloor({ engine, claim });
