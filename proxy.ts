import { NextResponse, type NextRequest } from "next/server";
import { csrfCookieName, csrfCookieOptions, csrfTokenOf, newCsrfCookie } from "@/lib/auth/csrf-cookie";
import { siteIsHttps } from "@/lib/http/security-headers.js";

/**
 * The sign-in page works before (and without) JavaScript: its form posts to next-auth's
 * credentials callback with next-auth's CSRF token, which must also be in next-auth's cookie.
 * A page cannot set a cookie, so this sets it on the page's answer (and on the request the page
 * renders, which puts the same token in the form). Only /signin; a valid cookie is left as is.
 * The secret is read from the environment directly: this runs apart from the app's modules
 * (lib/env.ts is not loaded here), and every start path sets NEXTAUTH_SECRET before serving.
 */
export function proxy(req: NextRequest) {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return NextResponse.next();
  const secure = siteIsHttps() === true;
  const name = csrfCookieName(secure);
  if (csrfTokenOf(req.cookies.get(name)?.value, secret)) return NextResponse.next();
  const { value } = newCsrfCookie(secret);
  req.cookies.set(name, value);
  const res = NextResponse.next({ request: { headers: req.headers } });
  res.cookies.set(name, value, csrfCookieOptions(secure));
  return res;
}

export const config = { matcher: ["/signin"] };
