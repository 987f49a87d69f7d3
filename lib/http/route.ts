import "server-only";
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { type z } from "zod";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors/domain-error";
import { errorResponse } from "@/lib/http/errors";
import { log } from "@/lib/log";

type Access = "public" | "user" | "admin";

interface Context<P> {
  req: NextRequest;
  params: P;
  user: SessionUser | null;
}
interface AuthedContext<P> extends Context<P> {
  user: SessionUser;
}

type Handler<A extends Access, P> = (ctx: A extends "public" ? Context<P> : AuthedContext<P>) => Promise<Response>;

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The one wrapper around every API route handler: session check and role guard, cross-site
 * check for mutations, parameter validation, and mapping of every thrown error to
 * `{error, message}`. Route handlers stay thin and call a use case in lib/.
 */
export function route<A extends Access, P = Record<string, never>>(
  options: { access: A; params?: z.ZodType<P> },
  handler: Handler<A, P>,
) {
  return async (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const started = performance.now();
    const requestId = req.headers.get("x-request-id")?.slice(0, 100) || randomUUID();
    let user: SessionUser | null = null;
    let response: Response;
    try {
      if (MUTATING.has(req.method)) assertSameOrigin(req);
      user = options.access === "public" ? null : await getSessionUser(req);
      if (options.access !== "public" && !user) throw new DomainError("UNAUTHENTICATED", "Sign in first.");
      if (options.access === "admin" && user?.role !== "ADMIN") {
        throw new DomainError("FORBIDDEN", "This needs an administrator account.");
      }
      const params = options.params ? parseParams(options.params, await ctx.params) : ({} as P);
      response = await handler({ req, params, user } as AuthedContext<P>);
    } catch (error) {
      response = errorResponse(error, requestId);
    }
    response.headers.set("X-Request-Id", requestId);
    // Every change (claims, admin actions) and every failure is logged; reads are not (they are polled).
    if (MUTATING.has(req.method) || response.status >= 500) {
      log(response.status >= 500 ? "error" : "info", "request", {
        requestId,
        method: req.method,
        path: req.nextUrl.pathname,
        status: response.status,
        ms: Math.round(performance.now() - started),
        userId: user?.id,
      });
    }
    return response;
  };
}

function parseParams<P>(schema: z.ZodType<P>, raw: unknown): P {
  const parsed = schema.safeParse(raw);
  // A malformed id can name nothing that exists.
  if (!parsed.success) throw new DomainError("NOT_FOUND", "Not found.");
  return parsed.data;
}

/**
 * Sessions are cookies, so a mutation from another site's page must be refused (CSRF).
 * Browsers send Origin on cross-site POSTs; tools that send none (curl, tests) are not browsers.
 */
function assertSameOrigin(req: NextRequest) {
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
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
export async function readJson<T>(req: Request, schema: z.ZodType<T>): Promise<T> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await readLimited(req);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new DomainError("INVALID_INPUT", "The request body must be valid JSON.");
  }
  return schema.parse(data);
}

async function readLimited(req: Request): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const tooLarge = () => new DomainError("PAYLOAD_TOO_LARGE", `The request body must be at most ${MAX_BODY_BYTES} bytes.`);
