import type { IncomingMessage } from "node:http";
import { DomainError } from "@/lib/errors/domain-error";
import { clientAddress, requestClientAddress } from "./client-address";

/**
 * What an endpoint sees of a request, the same whether it came through Next (a web Request) or
 * straight from the production server's node:http socket (the fast lane), so both lanes run the
 * very same endpoint code.
 */
export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** A header by its lower-case name. */
  header(name: string): string | null;
  /** Every header, by lower-case name (repeated ones joined with ", "). */
  headers(): Record<string, string>;
  /** The client's address (lib/http/client-address.ts: the socket's, or per the trusted proxies). */
  ip: string;
  /** The body as text, refused with 413 past `maxBytes`. */
  text(maxBytes: number): Promise<string>;
}

const tooLarge = (maxBytes: number) =>
  new DomainError("PAYLOAD_TOO_LARGE", `The request body must be at most ${maxBytes} bytes.`);

export function fromWebRequest(req: Request): ApiRequest {
  const url = new URL(req.url);
  return {
    method: req.method,
    path: url.pathname,
    query: url.searchParams,
    header: (name) => req.headers.get(name),
    headers: () => Object.fromEntries(req.headers),
    // The socket's address comes from server.ts (Next sets X-Forwarded-For to it only when the
    // client sent none, so that header cannot tell it).
    ip: requestClientAddress(req.headers),
    async text(maxBytes) {
      if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge(maxBytes);
      if (!req.body) return "";
      const reader = req.body.getReader();
      const chunks: Uint8Array[] = [];
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel();
          throw tooLarge(maxBytes);
        }
        chunks.push(value);
      }
      return Buffer.concat(chunks).toString("utf8");
    },
  };
}

export function fromNodeRequest(req: IncomingMessage): ApiRequest {
  const raw = req.url ?? "/";
  const q = raw.indexOf("?");
  const header = (name: string) => {
    const value = req.headers[name];
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  };
  return {
    method: req.method ?? "GET",
    path: q < 0 ? raw : raw.slice(0, q),
    query: new URLSearchParams(q < 0 ? "" : raw.slice(q + 1)),
    header,
    headers: () => Object.fromEntries(Object.keys(req.headers).map((name) => [name, header(name)!])),
    ip: clientAddress(header("x-forwarded-for"), req.socket.remoteAddress),
    async text(maxBytes) {
      if (Number(header("content-length") ?? 0) > maxBytes) throw tooLarge(maxBytes);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes) throw tooLarge(maxBytes);
        chunks.push(chunk);
      }
      return Buffer.concat(chunks).toString("utf8");
    },
  };
}
