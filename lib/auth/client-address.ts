import "server-only";
import { fromWebRequest } from "@/lib/http/request";

/**
 * The client address of a request next-auth hands to `authorize` (it passes only the headers).
 * Read the way every endpoint reads `req.ip` (lib/http/request.ts), so the rules for trusting
 * X-Forwarded-For stay in one place.
 */
export function authorizeClientIp(headers: Record<string, unknown> | undefined): string {
  const plain = new Headers();
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (typeof value === "string") plain.set(name, value);
  }
  return fromWebRequest(new Request("http://client.invalid/", { headers: plain })).ip;
}
