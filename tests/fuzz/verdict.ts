// What a fuzzed API request may be answered with: never a 5xx, a 400 for a URL whose escapes do
// not decode, and the API's error shape on every refusal that has a body (Next's 405 for a method
// a route does not export has none).
import type { FuzzRequest } from "./requests";
import { ERROR_CODES } from "../../lib/errors/codes";

export interface FuzzAnswer {
  status: number;
  contentType: string;
  body: Buffer;
}

const CODES = new Set<string>(ERROR_CODES);

/** What is wrong with an answer, or undefined when nothing is. */
export function problemWith(request: FuzzRequest, answer: FuzzAnswer): string | undefined {
  const { status } = answer;
  if (status >= 500) return `answered ${status}: ${excerpt(answer.body)}`;
  const path = request.url.split("?", 1)[0];
  if (!decodes(path) && status !== 400) return `a malformed URL answered ${status}, not 400`;
  if (status < 400 || request.method === "HEAD" || answer.body.length === 0) return undefined;
  // `/api/../x` is the page /x once its dot segments are resolved: an HTML answer is right there.
  if (!new URL(path, "http://fuzz").pathname.startsWith("/api/")) return undefined;
  let body: unknown;
  try {
    if (!answer.contentType.includes("application/json")) throw new Error("not JSON");
    body = JSON.parse(answer.body.toString("utf8"));
  } catch {
    return `a ${status} in ${answer.contentType || "no content type"}, not JSON: ${excerpt(answer.body)}`;
  }
  const { error, message } = (body ?? {}) as { error?: unknown; message?: unknown };
  if (typeof error !== "string" || !CODES.has(error) || typeof message !== "string") {
    return `a ${status} without the error shape: ${excerpt(answer.body)}`;
  }
  return undefined;
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

const excerpt = (body: Buffer) => JSON.stringify(body.subarray(0, 200).toString("utf8"));
