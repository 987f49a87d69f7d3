// The UI's languages and how a request picks one. Pure (no server-only): the language switcher
// and the server both use it. URLs never carry the locale (issue #21): the cookie a person sets
// with the switcher wins, then the browser's Accept-Language, then DEFAULT_LOCALE.

export const LOCALES = ["en", "ko"] as const;
export type Locale = (typeof LOCALES)[number];

/** The cookie the language switcher sets (next-intl's usual name). */
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** A year: a chosen language stays chosen. */
export const LOCALE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

export const isLocale = (value: unknown): value is Locale => value === "en" || value === "ko";

/** The NEXT_LOCALE value in a Cookie header, when it names a known locale. */
export function cookieLocale(cookieHeader: string | null | undefined): Locale | null {
  if (!cookieHeader) return null;
  const match = /(?:^|;\s*)NEXT_LOCALE=([^;]*)/.exec(cookieHeader);
  const value = match?.[1].trim();
  return isLocale(value) ? value : null;
}

/**
 * The most preferred known locale of an Accept-Language header ("ko-KR,ko;q=0.9,en;q=0.8" -> ko),
 * by q-value, then by order; a region ("en-US") counts for its language. Null when none is known.
 */
export function acceptedLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  let best: Locale | null = null;
  let bestQ = 0;
  for (const part of acceptLanguage.split(",")) {
    const [tag, ...params] = part.trim().split(";");
    const language = tag.trim().toLowerCase().split("-", 1)[0];
    if (!isLocale(language)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > bestQ) {
      best = language;
      bestQ = q;
    }
  }
  return best;
}

/** The cookie, else Accept-Language, else the fallback (DEFAULT_LOCALE). */
export function requestLocale(
  cookieHeader: string | null | undefined,
  acceptLanguage: string | null | undefined,
  fallback: Locale,
): Locale {
  return cookieLocale(cookieHeader) ?? acceptedLocale(acceptLanguage) ?? fallback;
}
