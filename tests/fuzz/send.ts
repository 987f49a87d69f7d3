// Sends a fuzzed request over plain node:http, byte for byte: a WHATWG client (fetch, Playwright's
// request) would resolve `..` segments, refuse a body on GET, add a content type, or keep cookies
// between requests, and so would not send what the fuzzer chose.
import { Agent, request } from "node:http";
import type { FuzzRequest } from "./requests";
import type { FuzzAnswer } from "./verdict";

export function sender(baseUrl: string, { timeoutMs = 30_000, sockets = 4 } = {}) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const send = (r: FuzzRequest) =>
    new Promise<FuzzAnswer>((resolve, reject) => {
      const req = request(
        {
          agent,
          hostname,
          port,
          method: r.method,
          path: r.url,
          headers: { ...r.headers, "content-length": String(r.body?.length ?? 0) },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          const contentType = res.headers["content-type"] ?? "";
          const answer = () => resolve({ status: res.statusCode ?? 0, contentType, body: Buffer.concat(chunks) });
          res.on("data", (chunk: Buffer) => {
            chunks.push(chunk);
            // An event stream (GET /api/admin/live) never ends by itself: its first event is the answer.
            if (contentType.startsWith("text/event-stream") && Buffer.concat(chunks).includes("\n\n")) {
              answer();
              req.destroy();
            }
          });
          res.on("error", reject);
          res.on("end", answer);
        },
      );
      req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on("error", reject);
      req.end(r.body);
    });
  return { send, close: () => agent.destroy() };
}
