import "server-only";
import { parse as parseCookies } from "cookie";
import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { notFound } from "@/lib/errors/domain-error";
import { apiLocale, errorResponse } from "@/lib/http/errors";
import type { ApiRequest } from "@/lib/http/request";
import type { Endpoint } from "@/lib/http/route";
import { formPostAnswer, isFormPostRedirect } from "./form-post";
import { answeredRefusal, thrownRefusal } from "./refusals";

// next-auth v4 held to the API's error contract, whichever server received the request: the App
// Router's route (app/api/auth/[...nextauth]) and the production server's fast lane for the
// sign-in itself (fast-lanes.ts), which spares a sign-in the App Router's per-request cost (bench
// scenario h). Both call next-auth's handler for the Pages API, the one of its public entry points
// that takes a request as plain data (no `next/headers`, which only works inside the App Router),
// and turn its answer into a web Response.

// next-auth v4's actions (next-auth/core/index.js); it would answer any other in plain text.
const ACTIONS = new Set(["signin", "signout", "callback", "session", "csrf", "providers", "error", "verify-request", "_log"]);

// Its forms and JSON bodies are a few hundred bytes; anything near this is no sign-in.
const MAX_BODY_BYTES = 16 * 1024;

/** next-auth's answer to `/api/auth/<segments>`: an unknown action is 404, a refusal never a 500. */
export async function nextAuthAnswer(req: ApiRequest, segments: string[]): Promise<Response> {
  const [action] = segments;
  // Its refusals are ours (below), so their message follows the caller's language like the API's.
  const locale = apiLocale(req.header("cookie"), req.header("accept-language"));
  if (!ACTIONS.has(action)) return errorResponse(notFound("Auth action"), undefined, locale);
  let body: Record<string, unknown> | undefined;
  let res: Response;
  try {
    body = req.method === "POST" ? parseBody(req.header("content-type"), await req.text(MAX_BODY_BYTES)) : undefined;
    res = await callNextAuth(req, segments, body);
  } catch (error) {
    return thrownRefusal(error, locale);
  }
  // The sign-in form posted without JavaScript: failures go back to /signin (form-post.ts).
  if (action === "callback" && req.method === "POST" && isFormPostRedirect(res)) return formPostAnswer(res, body?.callbackUrl);
  return res.status >= 400 ? answeredRefusal(res, req.path, locale) : res;
}

/** The credentials sign-in, POST /api/auth/callback/credentials, as the production server's fast lane runs it. */
export const signInEndpoint: Endpoint = (req) => nextAuthAnswer(req, ["callback", "credentials"]);

/** The body as next-auth's App Router handler reads it: JSON or a form, else none. A JSON body that does not parse throws SyntaxError. */
function parseBody(contentType: string | null, text: string): Record<string, unknown> | undefined {
  if (contentType?.includes("application/json")) return JSON.parse(text) as Record<string, unknown>;
  if (contentType?.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  return undefined;
}

/** Runs next-auth's handler on the request given as data and collects its answer. */
async function callNextAuth(req: ApiRequest, segments: string[], body: Record<string, unknown> | undefined) {
  const answer = new CollectedAnswer();
  const request = {
    method: req.method,
    query: { ...Object.fromEntries(req.query), nextauth: segments },
    headers: req.headers(),
    cookies: parseCookies(req.header("cookie") ?? ""),
    body,
  };
  // The Pages API types stand for the plain objects that handler reads and writes.
  await NextAuth(request as unknown as NextApiRequest, answer as unknown as NextApiResponse, authOptions());
  return answer.response();
}

/**
 * The part of a Pages API response next-auth's handler uses (status, headers, `json`, `send`,
 * `end`), collected into a web Response. As its App Router handler does: a redirect asked for with
 * `json=true` is `{url}` with the handler's status, any other a 302 with Location.
 */
class CollectedAnswer {
  private statusCode = 200;
  private readonly headers = new Headers();
  private body: string | null = null;

  status(code: number) {
    this.statusCode = code;
    return this;
  }
  getHeader(name: string) {
    return name.toLowerCase() === "set-cookie" ? this.headers.getSetCookie() : (this.headers.get(name) ?? undefined);
  }
  setHeader(name: string, value: string | string[]) {
    this.headers.delete(name);
    for (const one of [value].flat()) this.headers.append(name, one);
    return this;
  }
  json(value: unknown) {
    this.headers.set("content-type", "application/json");
    this.body = JSON.stringify(value);
  }
  send(value: unknown) {
    if (typeof value === "string" || value === undefined || value === null) this.body = value ?? null;
    else this.json(value);
  }
  end() {}

  response(): Response {
    return new Response(this.body, { status: this.statusCode, headers: this.headers });
  }
}
