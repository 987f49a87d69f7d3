import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// next-auth v4's CSRF double submit, spelled here for the sign-in page that must work before (or
// without) JavaScript: its credentials callback accepts a form post only when the body's
// `csrfToken` equals the token in its cookie, and the cookie is `<token>|sha256(<token><secret>)`.
// next-auth sets that cookie only on its own answers, which a page without JavaScript never asks
// for, so proxy.ts sets it on the sign-in page's answer and the page puts the token in its form.
// Names and format are next-auth 4.24's (core/lib/csrf-token.js, core/lib/cookie.js).

/** The cookie's name: `__Host-` prefixed when the site is https, as next-auth names it. */
export const csrfCookieName = (secure: boolean) => `${secure ? "__Host-" : ""}next-auth.csrf-token`;

/** next-auth's options for it: only this site reads it, only over https when the site is https. */
export const csrfCookieOptions = (secure: boolean) => ({ httpOnly: true, sameSite: "lax" as const, path: "/", secure });

const hashOf = (token: string, secret: string) => createHash("sha256").update(`${token}${secret}`).digest("hex");

/** The token a cookie value carries, when the value is one this site's secret signed; else null. */
export function csrfTokenOf(cookieValue: string | undefined, secret: string): string | null {
  const [token, hash] = (cookieValue ?? "").split("|");
  if (!token || !hash) return null;
  const expected = Buffer.from(hashOf(token, secret));
  const given = Buffer.from(hash);
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

/** A new token and the cookie value that carries it. */
export function newCsrfCookie(secret: string): { token: string; value: string } {
  const token = randomBytes(32).toString("hex");
  return { token, value: `${token}|${hashOf(token, secret)}` };
}
