import type { IncomingMessage, ServerResponse } from "node:http";
import { DomainError } from "@/lib/errors/domain-error";
import { apiLocale, errorReply } from "./errors";
import { writeJson } from "./node-reply";

// Next's router decodes each path segment with decodeURIComponent; when one does not decode
// (`/api/promotions/%ZZ`) it means to answer 400, but in an App Router app that render fails
// and the answer is a plain-text 500. So the production server checks the path first.

const BAD_REQUEST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bad request · Coupon Drop</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem">
<h1>Bad request</h1><p>This address is malformed: part of it cannot be read.</p><p><a href="/">Go to the start page</a></p>
</body></html>
`;

/** Whether the path of a request target decodes (the query string is parsed leniently by everyone). */
export function pathDecodes(url: string): boolean {
  const path = url.split("?", 1)[0];
  if (!path.includes("%")) return true;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Answers 400 to a request whose path does not decode, in the API's error shape under /api and
 * as a small page elsewhere, and returns true; returns false, having done nothing, otherwise.
 */
export function refuseMalformedUrl(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "/";
  if (pathDecodes(url)) return false;
  req.resume(); // the body, if any, is not read
  if (/^\/api(\/|\?|$)/.test(url)) {
    const error = new DomainError("INVALID_INPUT", "The URL is malformed: a percent-escape does not decode.");
    writeJson(res, errorReply(error, undefined, apiLocale(req.headers.cookie, req.headers["accept-language"])));
  } else {
    res.writeHead(400, {
      "content-type": "text/html; charset=utf-8",
      "content-length": String(Buffer.byteLength(BAD_REQUEST_PAGE)),
    });
    res.end(BAD_REQUEST_PAGE);
  }
  return true;
}
