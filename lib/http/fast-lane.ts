import type { IncomingMessage, ServerResponse } from "node:http";
import { writeReply } from "./node-reply";
import { fromNodeRequest } from "./request";
import type { Endpoint } from "./route";

/** One request the production server answers itself: method, path pattern (group 1: the id), endpoint. */
export interface Lane {
  method: string;
  pattern: RegExp;
  endpoint: Endpoint;
}

/**
 * Answers the request if it belongs to the fast lane; returns false to hand it to Next. The
 * endpoint is the same one the App Router route handler runs, given the node request as is:
 * no web Request or Response is built on the way.
 */
export async function fastLane(lanes: readonly Lane[], req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = (req.url ?? "/").split("?", 1)[0];
  let id: string | undefined;
  const lane = lanes.find((l) => l.method === req.method && (id = l.pattern.exec(path)?.[1]) !== undefined);
  if (!lane || id === undefined) return false;
  let param: string;
  try {
    param = decodeURIComponent(id);
  } catch {
    param = ""; // malformed escapes name nothing: the endpoint answers 404
  }
  await writeReply(res, await lane.endpoint(fromNodeRequest(req), { id: param }));
  // A body the endpoint did not read (only the sign-in reads one) is discarded.
  if (!req.readableEnded) req.resume();
  return true;
}
