import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { SIGN_IN_UNAVAILABLE } from "@/lib/auth/signin-error";
import { env } from "@/lib/env";
import { DomainError, unavailable } from "@/lib/errors/domain-error";
import { apiLocale, errorReply } from "@/lib/http/errors";
import { writeJson } from "@/lib/http/node-reply";
import { passwordHashSlots } from "./hash-slots";

// While every password hash slot is taken, the production server (server.ts) answers sign-ins and
// sign-ups itself, before Next: through the App Router and next-auth a refusal costs milliseconds of
// the one thread the claims run on (bench/RESULTS.md, scenario h), and a storm of them would starve
// the claims as surely as the hashes did. The answers are the ones the route handlers give.

const SIGN_IN_PATH = "/api/auth/callback/credentials";
const SIGN_UP_PATH = "/api/auth/signup";

/** Sign-in's 503 (lib/auth/refusals.ts): `extra` carries next-auth's `url`. */
export const signInUnavailable = (extra: Record<string, unknown>) =>
  new DomainError("UNAVAILABLE", "Sign-in is unavailable. Try again.", extra);

/** Sign-up's 503 when no hash slot is free (lib/auth/signup.ts). */
export const signUpBusy = () => unavailable("Too many sign-ups at once. Try again in a moment.");

/**
 * next-auth's url for a refused credentials sign-in (`<its base>/error?error=UNAVAILABLE`), which
 * its client reads the error from: the base is NEXTAUTH_URL with /api/auth when it names no path,
 * as next-auth takes it, or this request's host.
 */
function nextAuthErrorUrl(req: IncomingMessage): string {
  const site = new URL(env.NEXTAUTH_URL ?? `http://${req.headers.host ?? "localhost"}`);
  const base = site.pathname === "/" ? "/api/auth" : site.pathname.replace(/\/$/, "");
  return `${site.origin}${base}/error?error=${SIGN_IN_UNAVAILABLE}`;
}

/** Answers 503 UNAVAILABLE to a sign-in or sign-up while every hash slot is taken and returns true; else false, having done nothing. */
export function shedBusyPasswordRequest(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "POST" || !passwordHashSlots.full) return false;
  const path = (req.url ?? "/").split("?", 1)[0];
  if (path !== SIGN_IN_PATH && path !== SIGN_UP_PATH) return false;
  req.resume(); // the body is not read
  if (path === SIGN_IN_PATH && isBrowserFormPost(req)) {
    // The sign-in form posted by the browser itself (no JavaScript yet): back to the page with the
    // code, as lib/auth/form-post.ts answers a refusal, never a JSON page.
    res.writeHead(303, { location: `/signin?error=${SIGN_IN_UNAVAILABLE}`, "cache-control": "no-store" }).end();
    return true;
  }
  const error = path === SIGN_IN_PATH ? signInUnavailable({ url: nextAuthErrorUrl(req) }) : signUpBusy();
  writeJson(res, errorReply(error, undefined, apiLocale(req.headers.cookie, req.headers["accept-language"])));
  return true;
}

/** A navigation (the browser submitting a form) asks for a page; next-auth's client and scripts do not. */
const isBrowserFormPost = (req: IncomingMessage) => (req.headers.accept ?? "").includes("text/html");
