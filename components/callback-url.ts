/**
 * Where to go after signing in: only a path on this site. "//host" and "/\host" are read by
 * browsers as another site, so they are refused like absolute URLs.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}

/** The sign-in or sign-up page, returning to `callbackUrl`. "/" stays readable in the query (?callbackUrl=/p/slug). */
export const authHref = (page: "/signin" | "/signup", callbackUrl: string) =>
  `${page}?callbackUrl=${encodeURIComponent(callbackUrl).replaceAll("%2F", "/")}`;
