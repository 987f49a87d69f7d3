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
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", reject);
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, contentType: res.headers["content-type"] ?? "", body: Buffer.concat(chunks) }),
          );
        },
      );
      req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on("error", reject);
      req.end(r.body);
    });
  return { send, close: () => agent.destroy() };
}
