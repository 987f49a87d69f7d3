// The sign-in refusals next-auth carries to the page as its `error` parameter (the credentials
// provider can only throw a message). Shared by lib/auth/sign-in.ts (which throws them) and the
// sign-in form (which words them), so the format is spelled once.

const THROTTLED = "RATE_LIMITED";

/** "RATE_LIMITED:<seconds>": too many attempts; the seconds to wait. */
export const throttledSignInError = (retryAfterMs: number) => `${THROTTLED}:${Math.max(1, Math.ceil(retryAfterMs / 1_000))}`;

/** The seconds to wait if `error` is a throttled sign-in, else null. */
export function throttledSeconds(error: string | null | undefined): number | null {
  const match = /^RATE_LIMITED:(\d+)$/.exec(error ?? "");
  return match ? Number(match[1]) : null;
}

/** The sign-in check itself failed (database or stock engine unreachable): 503, try again. */
export const SIGN_IN_UNAVAILABLE = "UNAVAILABLE";

/** authorize refused a disabled account (lib/sessions/jwt.ts): 403 ACCOUNT_DISABLED. */
export const ACCOUNT_DISABLED_SIGNIN = "ACCOUNT_DISABLED";

/** Which of the sign-in form's messages (messages/*.json, "signin") fits next-auth's `error`. */
export type SignInError = { key: "throttled"; minutes: number } | { key: "disabled" | "busy" | "wrong" | "failed" };

export function signInError(error: string | null | undefined): SignInError {
  const seconds = throttledSeconds(error);
  if (seconds !== null) return { key: "throttled", minutes: Math.max(1, Math.ceil(seconds / 60)) };
  if (error === ACCOUNT_DISABLED_SIGNIN) return { key: "disabled" };
  if (error === SIGN_IN_UNAVAILABLE) return { key: "busy" };
  // Unknown email and wrong password get one answer from the server, and so here.
  return { key: error === "CredentialsSignin" ? "wrong" : "failed" };
}

/** What the sign-in form says for next-auth's `error`, in English (the API's refusals). */
export function signInErrorMessage(error: string | null | undefined): string {
  const found = signInError(error);
  switch (found.key) {
    case "throttled":
      return `Too many attempts, try again in ${found.minutes} ${found.minutes === 1 ? "minute" : "minutes"}.`;
    case "disabled":
      return "This account is disabled.";
    case "busy":
      return "Sign-in is busy right now. Please try again in a moment.";
    case "wrong":
      return "Wrong email or password.";
    default:
      return "Could not sign in. Please try again.";
  }
}
