import type { ServerResponse } from "node:http";
import type { JsonReply, Reply } from "./route";

// How the production server answers without Next (the fast lane, a refused URL, Next failing):
// straight to the node:http response, no web Response built for JSON.

export function writeJson(res: ServerResponse, reply: JsonReply): void {
  const body = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...reply.headers,
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(body)),
  });
  res.end(body);
}

export async function writeReply(res: ServerResponse, reply: Reply): Promise<void> {
  if (!(reply instanceof Response)) return writeJson(res, reply);
  const body = Buffer.from(await reply.arrayBuffer());
  // Each cookie its own Set-Cookie line: a plain object of the headers would keep only the last.
  const cookies = reply.headers.getSetCookie();
  const headers = { ...Object.fromEntries(reply.headers), "content-length": String(body.length) };
  res.writeHead(reply.status, cookies.length > 0 ? { ...headers, "set-cookie": cookies } : headers);
  res.end(body);
}
