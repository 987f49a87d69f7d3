import type { ErrorCode } from "@/lib/errors/codes";
import { DomainError } from "@/lib/errors/domain-error";
import { isTransientOutage } from "@/lib/errors/transient";
import { errorResponse } from "@/lib/http/errors";
import { log } from "@/lib/log";
import { ACCOUNT_DISABLED_SIGNIN } from "@/lib/users/session-jwt";

// next-auth's failures in the API's error contract: it answers refusals in plain text, as its own
// HTML pages or as `{url}`, and throws on some bad input. None of that may reach a client as a 500.

const CANNOT_PROCESS = "This auth request cannot be processed.";

/**
 * What next-auth throws on is the request: it parses a JSON body and the callback URL without
 * guarding, while its own failures (a user lookup, a token) it answers itself. An outage is a 503.
 */
export function thrownRefusal(error: unknown): Response {
  if (isTransientOutage(error)) return errorResponse(error);
  log("warn", "auth request refused", { error });
  const message = error instanceof SyntaxError ? "The request body must be valid JSON." : CANNOT_PROCESS;
  return errorResponse(new DomainError("INVALID_INPUT", message));
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
export async function answeredRefusal(res: Response, path: string): Promise<Response> {
  if (res.status >= 500) log("warn", "auth request refused", { path, nextAuthStatus: res.status });
  let [code, message] = BY_STATUS[res.status] ?? ["INVALID_INPUT", CANNOT_PROCESS];
  const sent: unknown = res.headers.get("content-type")?.includes("application/json") ? await res.json().catch(() => null) : null;
  const url = (sent as { url?: unknown } | null)?.url;
  // authorize refused a disabled account (lib/users/session-jwt.ts, assertCanSignIn).
  if (typeof url === "string" && URL.canParse(url) && new URL(url).searchParams.get("error") === ACCOUNT_DISABLED_SIGNIN) {
    [code, message] = ["ACCOUNT_DISABLED", "This account is disabled."];
  }
  const answer = errorResponse(new DomainError(code, message, typeof url === "string" ? { url } : {}));
  for (const cookie of res.headers.getSetCookie()) answer.headers.append("set-cookie", cookie);
  return answer;
}
