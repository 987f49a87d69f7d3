import "server-only";
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { type z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";
import { apiLocale, errorReply } from "@/lib/http/errors";
import { log } from "@/lib/log";
import { sessionChecks } from "@/lib/sessions";
import { sessionUser, type SessionUser } from "@/lib/sessions/cookie";
import { fromWebRequest, type ApiRequest } from "./request";

type Access = "public" | "user" | "admin";

interface Context<P, Q> {
  req: ApiRequest;
  params: P;
  /** The query string, parsed by `options.query` (400 INVALID_INPUT when it does not fit). */
  query: Q;
  user: SessionUser | null;
  /**
   * Starts (once) the session check and returns it: settles when the session is known to be still
   * valid (not revoked, account not disabled), rejects with the answer otherwise. Already settled
   * unless the endpoint asked for `deferSessionCheck`: then the handler starts it when it needs
   * it, runs it alongside its own work, and awaits it before it answers anything personal or
   * changes anything (the claim does, next to its script: lib/claims/claim.ts).
   */
  sessionGate: () => Promise<void>;
}
interface AuthedContext<P, Q> extends Context<P, Q> {
  user: SessionUser;
}

/**
 * A machine caller's shared secret (`Authorization: Bearer <secret>`), for "public" endpoints
 * called by schedulers and scrapers. Compared in constant time over SHA-256 digests, so neither
 * the secret nor its length leaks through timing. An unset secret turns the endpoint off:
 * `unset: "NOT_FOUND"` hides it, `"UNAUTHENTICATED"` refuses every caller.
 */
interface BearerSecret {
  secret: () => string | undefined;
  /** The variable that holds it, named in the 401's message. */
  name: string;
  unset: "NOT_FOUND" | "UNAUTHENTICATED";
}

interface EndpointOptions<A extends Access, P, Q> {
  access: A;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  bearer?: BearerSecret;
  deferSessionCheck?: boolean;
}

/** A JSON answer without building a web Response (the fast lane writes it to the socket directly). */
export interface JsonReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}
export type Reply = Response | JsonReply;
export const json = (body: unknown, status = 200, headers?: Record<string, string>): JsonReply => ({ status, body, headers });

type Handler<A extends Access, P, Q> = (ctx: A extends "public" ? Context<P, Q> : AuthedContext<P, Q>) => Promise<Reply>;

/** An API endpoint, independent of the framework that received the request. */
export type Endpoint = (req: ApiRequest, rawParams: Record<string, string | string[]>) => Promise<Reply>;

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const SETTLED = () => Promise.resolve();

/**
 * The one wrapper around every API endpoint: session check and role guard, cross-site check for
 * mutations, parameter validation, mapping of every thrown error to `{error, message}`, the
 * request id and the request log. Endpoints stay thin and call a use case in lib/.
 */
export function endpoint<A extends Access, P = Record<string, never>, Q = Record<string, never>>(
  options: EndpointOptions<A, P, Q>,
  handler: Handler<A, P, Q>,
): Endpoint {
  return async (req, rawParams) => {
    const started = performance.now();
    const requestId = req.header("x-request-id")?.slice(0, 100) || randomUUID();
    let user: SessionUser | null = null;
    let reply: Reply;
    try {
      if (MUTATING.has(req.method)) assertSameOrigin(req);
      if (options.bearer) assertBearer(req, options.bearer);
      let sessionGate = SETTLED;
      user = options.access === "public" ? null : await sessionUser(req.header("cookie"));
      if (options.access !== "public" && !user) throw new DomainError("UNAUTHENTICATED", "Sign in first.");
      if (user && options.access === "user" && options.deferSessionCheck) {
        // Started by the handler when it needs it (once), so an answer that needs none costs no lookup.
        const checked = user;
        let gate: Promise<void> | undefined;
        sessionGate = () => {
          if (!gate) {
            gate = sessionChecks()
              .current(checked)
              .then(() => undefined);
            gate.catch(() => {}); // the handler awaits it; no unhandled rejection meanwhile
          }
          return gate;
        };
      } else if (user) {
        // Revoked, disabled or demoted since the token was issued: the admin API asks PostgreSQL.
        user = await sessionChecks().current(user, { fresh: options.access === "admin" });
      }
      if (options.access === "admin" && user?.role !== "ADMIN") {
        throw new DomainError("FORBIDDEN", "This needs an administrator account.");
      }
      const params = options.params ? parseParams(options.params, rawParams) : ({} as P);
      const query = options.query ? options.query.parse(Object.fromEntries(req.query)) : ({} as Q);
      reply = await handler({ req, params, query, user, sessionGate } as AuthedContext<P, Q>);
    } catch (error) {
      reply = errorReply(error, requestId, apiLocale(req.header("cookie"), req.header("accept-language")));
    }
    if (reply instanceof Response) reply.headers.set("X-Request-Id", requestId);
    else reply.headers = { ...reply.headers, "X-Request-Id": requestId };
    if (worthLogging(req.method, reply.status)) {
      log(reply.status >= 500 ? "error" : "info", "request", {
        requestId,
        method: req.method,
        path: req.path,
        status: reply.status,
        ms: Math.round(performance.now() - started),
        userId: user?.id,
      });
    }
    return reply;
  };
}

/**
 * Every change (a mutation that succeeded: claims won, admin actions), every failure (5xx) and
 * every refused identity (401/403) is logged. Reads are not (they are polled), nor are refusals
 * that change nothing and answer for themselves: in a drop those are the sold-out, already-claimed
 * and rate-limited answers, tens of thousands a second.
 */
function worthLogging(method: string, status: number): boolean {
  if (status >= 500) return true;
  return MUTATING.has(method) && (status < 400 || status === 401 || status === 403);
}

/** An endpoint as an App Router route handler. */
export function nextHandler(ep: Endpoint) {
  return async (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }): Promise<Response> =>
    toResponse(await ep(fromWebRequest(req), await ctx.params));
}

/** The App Router route handler of an endpoint: `export const GET = route({...}, handler)`. */
export const route = <A extends Access, P = Record<string, never>, Q = Record<string, never>>(
  options: EndpointOptions<A, P, Q>,
  handler: Handler<A, P, Q>,
) => nextHandler(endpoint(options, handler));

/** A CSV download: never cached, saved as `filename`. */
export const csv = (body: string | ReadableStream<Uint8Array>, filename: string): Response =>
  new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });

export function toResponse(reply: Reply): Response {
  return reply instanceof Response ? reply : Response.json(reply.body, { status: reply.status, headers: reply.headers });
}

function parseParams<P>(schema: z.ZodType<P>, raw: unknown): P {
  const parsed = schema.safeParse(raw);
  // A malformed id can name nothing that exists.
  if (!parsed.success) throw new DomainError("NOT_FOUND", "Not found.");
  return parsed.data;
}

const digest = (text: string) => createHash("sha256").update(text).digest();

function assertBearer(req: ApiRequest, bearer: BearerSecret): void {
  const secret = bearer.secret();
  if (!secret) {
    if (bearer.unset === "NOT_FOUND") throw new DomainError("NOT_FOUND", "Not found.");
    throw new DomainError("UNAUTHENTICATED", `A valid Bearer ${bearer.name} is required.`);
  }
  if (!timingSafeEqual(digest(req.header("authorization") ?? ""), digest(`Bearer ${secret}`))) {
    throw new DomainError("UNAUTHENTICATED", `A valid Bearer ${bearer.name} is required.`);
  }
}

/**
 * Sessions are cookies, so a mutation from another site's page must be refused (CSRF).
 * Browsers send Origin on cross-site POSTs; tools that send none (curl, tests) are not browsers.
 */
function assertSameOrigin(req: ApiRequest) {
  const origin = req.header("origin");
  if (!origin) return;
  const host = req.header("x-forwarded-host") ?? req.header("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = "";
  }
  if (originHost !== host) throw new DomainError("FORBIDDEN", "Cross-site request refused.");
}

const MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON body with a size limit and validates it. */
export async function readJson<T>(req: ApiRequest, schema: z.ZodType<T>): Promise<T> {
  const text = await req.text(MAX_BODY_BYTES);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new DomainError("INVALID_INPUT", "The request body must be valid JSON.");
  }
  return schema.parse(data);
}
