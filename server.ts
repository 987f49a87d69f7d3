// The production server (`npm start`, built by `npm run build`): Next.js behind a node:http
// server whose fast lane answers the claim and the stock read directly (fast-lanes.ts, lib/http/fast-lane.ts).
// `npm run dev` and serverless deployments use Next alone; the route handlers are the same.
import { createServer } from "node:http";
import { loadEnvConfig } from "@next/env";
import next from "next";

Object.assign(process.env, { NODE_ENV: "production" });
loadEnvConfig(process.cwd());

async function main() {
  const port = Number(process.env.PORT || 3000);
  const hostname = process.env.HOSTNAME || "0.0.0.0";
  // Before anything reads the environment: with no DATABASE_URL this starts the embedded database.
  const { bootstrap } = await import("@/lib/process-start");
  await bootstrap();

  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handleWithNext = app.getRequestHandler();
  const { fastLane } = await import("@/lib/http/fast-lane");
  const { FAST_LANES } = await import("./fast-lanes");
  const { log } = await import("@/lib/log");
  const { errorReply } = await import("@/lib/http/errors");
  const { refuseMalformedUrl } = await import("@/lib/http/malformed-url");
  const { writeJson } = await import("@/lib/http/node-reply");
  const { shedBusyPasswordRequest } = await import("@/lib/auth/busy-shed");
  const { SOCKET_ADDRESS_HEADER, trustSocketAddressHeader } = await import("@/lib/http/client-address");
  const { securityHeaders } = await import("@/lib/http/security-headers.js");
  // Every answer carries them, the fast lane's too (Next's own answers also get them from next.config.js).
  const headers = Object.entries(securityHeaders({ dev: false }));
  // Route handlers learn the socket's address only from this header, set below on every request.
  trustSocketAddressHeader();

  const server = createServer((req, res) => {
    // A path Next's router cannot decode would be its plain-text 500: a 400 from here instead.
    for (const [name, value] of headers) res.setHeader(name, value);
    if (refuseMalformedUrl(req, res)) return;
    // Whatever a client sent in it is replaced: only this server speaks through this header.
    req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
    // Every password hash slot taken: sign-in and sign-up hear 503 here, at a fraction of Next's cost.
    if (shedBusyPasswordRequest(req, res)) return;
    fastLane(FAST_LANES, req, res)
      .then((handled) => (handled ? undefined : handleWithNext(req, res)))
      .catch((error) => {
        // Outside any endpoint's own error handling (Next itself failed): the same error shape.
        const reply = errorReply(error);
        if (res.headersSent) res.end();
        else writeJson(res, reply);
      });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => log("info", "listening", { url: `http://localhost:${port}`, fastLane: true }));

  // Graceful stop: refuse new connections, let requests in flight (claims included) finish,
  // flush the claim outcome counters, close the pools, exit. A stop that takes over 10 s exits anyway.
  const { services } = await import("@/lib/services");
  const { stopOutcomeFlusher } = await import("@/lib/metrics/flusher");
  const { closeLiveStreams } = await import("@/lib/live/hub");
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    log("info", "stopping: finishing requests in flight");
    // Open admin streams never finish by themselves: end them (browsers reconnect elsewhere).
    closeLiveStreams();
    server.close(() => {
      // The claim outcomes counted since the last flush are written before the pools close.
      void stopOutcomeFlusher(services())
        .then(() => Promise.allSettled([services().db.$disconnect(), services().engine.close()]))
        .then(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
