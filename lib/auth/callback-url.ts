// Any origin works for judging relative values; a reserved name (RFC 2606) can never be a real site.
const PLACEHOLDER_ORIGIN = "http://callback.invalid";

/**
 * Where to go after signing in or up: only a path on this site. The value is parsed the way a
 * browser would (`new URL(value, origin)`: tabs and newlines dropped, backslashes read as
 * slashes, "//host" as another host) and kept only when the result has this site's origin; the
 * answer is the normalised path, which must not itself read as "//host". Used by the pages
 * (server side), the forms (again, with the page's real origin) and next-auth's redirect callback.
 */
export function safeCallbackUrl(value: unknown, origin: string = PLACEHOLDER_ORIGIN): string {
  if (typeof value !== "string" || value === "") return "/";
  let url: URL;
  let base: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return "/";
  }
  if (url.origin !== base.origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.com" normalises to "//evil.com": a path that would leave the site is refused too.
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

/** The sign-in or sign-up page, returning to `callbackUrl`. "/" stays readable in the query (?callbackUrl=/p/slug). */
export const authHref = (page: "/signin" | "/signup", callbackUrl: string) =>
  `${page}?callbackUrl=${encodeURIComponent(callbackUrl).replaceAll("%2F", "/")}`;
