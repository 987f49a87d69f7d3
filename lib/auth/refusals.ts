import { signInUnavailable } from "@/lib/auth/busy-shed";
import { ACCOUNT_DISABLED_SIGNIN, SIGN_IN_UNAVAILABLE, signInErrorMessage, throttledSeconds } from "@/lib/auth/signin-error";
import type { ErrorCode } from "@/lib/errors/codes";
import { DomainError } from "@/lib/errors/domain-error";
import { isTransientOutage } from "@/lib/errors/transient";
import { errorResponse } from "@/lib/http/errors";
import type { Locale } from "@/lib/i18n/locale";
import { log } from "@/lib/log";

// next-auth's failures in the API's error contract: it answers refusals in plain text, as its own
// HTML pages or as `{url}`, and throws on some bad input. None of that may reach a client as a 500.

const CANNOT_PROCESS = "This auth request cannot be processed.";

/**
 * What is thrown while answering is about the request: a JSON body that does not parse, a body
 * past its size, a callback URL next-auth parses without guarding (its own failures, a user
 * lookup, a token, it answers itself). An outage is a 503.
 */
export function thrownRefusal(error: unknown, locale: Locale = "en"): Response {
  // An outage, or our own refusal of the request (a body past its size): answered as it says.
  if (isTransientOutage(error) || error instanceof DomainError) return errorResponse(error, undefined, locale);
  log("warn", "auth request refused", { error });
  const message = error instanceof SyntaxError ? "The request body must be valid JSON." : CANNOT_PROCESS;
  return errorResponse(new DomainError("INVALID_INPUT", message), undefined, locale);
}

/**
 * The error of next-auth's refusal. A throttled sign-in (lib/auth/sign-in.ts throws
 * "RATE_LIMITED:<seconds>", which next-auth puts in the `error` of its url) is 429 with
 * Retry-After; the url stays, since next-auth's client reads the error from it.
 */
function refusal(status: number, url: string | undefined): DomainError {
  const extra = url !== undefined ? { url } : {};
  const seconds = throttledSeconds(url ? errorParam(url) : null);
  if (seconds !== null) return new DomainError("RATE_LIMITED", signInErrorMessage(errorParam(url!)), extra, seconds * 1_000);
  // The check failed, or every password hash slot is taken (lib/auth/hash-slots.ts): 503, Retry-After.
  if (url && errorParam(url) === SIGN_IN_UNAVAILABLE) return signInUnavailable(extra);
  // authorize refused a disabled account (lib/sessions/jwt.ts, assertCanSignIn).
  if (url && errorParam(url) === ACCOUNT_DISABLED_SIGNIN)
    return new DomainError("ACCOUNT_DISABLED", signInErrorMessage(ACCOUNT_DISABLED_SIGNIN), extra);
  const [code, message] = BY_STATUS[status] ?? ["INVALID_INPUT", CANNOT_PROCESS];
  return new DomainError(code, message, extra);
}

function errorParam(url: string): string | null {
  try {
    return new URL(url, "http://auth.invalid").searchParams.get("error");
  } catch {
    return null;
  }
}

const BY_STATUS: Partial<Record<number, [ErrorCode, string]>> = {
  401: ["UNAUTHENTICATED", "Sign-in failed."],
  403: ["FORBIDDEN", "Access denied."],
};

/**
 * next-auth's answer of status 400 and up, in the error shape, with its cookies and the `url` its
 * client reads the sign-in error from. With this configuration (a secret, credentials, JWT) its
 * 5xx answers are about the request too (a callback URL that is no URL, GET on the credentials
 * callback, its error page asked to show "configuration"), so they become 400.
 */
export async function answeredRefusal(res: Response, path: string, locale: Locale = "en"): Promise<Response> {
  if (res.status >= 500) log("warn", "auth request refused", { path, nextAuthStatus: res.status });
  const sent: unknown = res.headers.get("content-type")?.includes("application/json") ? await res.json().catch(() => null) : null;
  const url = (sent as { url?: unknown } | null)?.url;
  const answer = errorResponse(refusal(res.status, typeof url === "string" ? url : undefined), undefined, locale);
  for (const cookie of res.headers.getSetCookie()) answer.headers.append("set-cookie", cookie);
  return answer;
}
