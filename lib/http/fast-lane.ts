import type { IncomingMessage, ServerResponse } from "node:http";
import { NextRequest } from "next/server";

/** One request the production server answers itself: method, path pattern (group 1: the id), handler. */
export interface Lane {
  method: string;
  pattern: RegExp;
  handler: (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
}

/** Answers the request if it belongs to the fast lane; returns false to hand it to Next. */
export async function fastLane(lanes: readonly Lane[], req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = req.url ?? "/";
  const path = url.split("?", 1)[0];
  let id: string | undefined;
  const lane = lanes.find((l) => l.method === req.method && (id = l.pattern.exec(path)?.[1]) !== undefined);
  if (!lane || id === undefined) return false;

  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  // What Next's own server would add: the client's address, for the per-IP rate limit.
  if (!headers.has("x-forwarded-for") && req.socket.remoteAddress) headers.set("x-forwarded-for", req.socket.remoteAddress);
  // Neither endpoint reads a body; discard one if sent.
  req.resume();

  const request = new NextRequest(`http://${headers.get("host") ?? "localhost"}${url}`, { method: req.method, headers });
  let param: string;
  try {
    param = decodeURIComponent(id);
  } catch {
    param = ""; // malformed escapes name nothing: the handler answers 404
  }
  const response = await lane.handler(request, { params: Promise.resolve({ id: param }) });
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), "content-length": String(body.length) });
  res.end(body);
  return true;
}
