import { authHref, safeCallbackUrl } from "@/lib/auth/callback-url";

// The sign-in form posted the browser's way (before hydration, or with JavaScript off): no
// `json=true` in the body, so next-auth answers with a redirect instead of `{url}`. Its success
// redirect (to the callbackUrl) stands. Its failures go to its own pages (/api/auth/error?error=…,
// or /api/auth/signin?csrf=true), two or three hops that lose the sign-in page's own message and,
// for a throttle, end on next-auth's HTML error page; they become one redirect back to /signin
// with the error's code (never anything the form held), which the page words as it does today.

/** The code /signin shows for a post whose CSRF token did not match ("Could not sign in. Please try again."). */
export const FORM_EXPIRED = "FormExpired";

/** Is this next-auth's redirect answer to a browser's form post (JSON clients get `{url}` and no 3xx)? */
export const isFormPostRedirect = (res: Response) => res.status >= 300 && res.status < 400 && res.headers.has("location");

/**
 * The answer to the form post: next-auth's own when it sends the browser on (signed in), else a
 * 303 to /signin?callbackUrl=…&error=<code>, keeping next-auth's cookies (CSRF, callback URL).
 */
export function formPostAnswer(res: Response, callbackUrl: unknown): Response {
  const location = new URL(res.headers.get("location")!, "http://auth.invalid");
  const code = failureCode(location);
  if (code === null) return res;
  const back = `${authHref("/signin", safeCallbackUrl(callbackUrl))}&error=${encodeURIComponent(code)}`;
  const answer = new Response(null, { status: 303, headers: { location: back, "cache-control": "no-store" } });
  for (const cookie of res.headers.getSetCookie()) answer.headers.append("set-cookie", cookie);
  return answer;
}

/** The error next-auth's redirect carries, or null when it is no failure. */
function failureCode(location: URL): string | null {
  if (location.pathname.endsWith("/api/auth/error")) return location.searchParams.get("error") ?? "Signin";
  if (location.pathname.endsWith("/api/auth/signin")) return location.searchParams.has("csrf") ? FORM_EXPIRED : "Signin";
  return null;
}
