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

/** What the sign-in form says for next-auth's `error`. */
export function signInErrorMessage(error: string | null | undefined): string {
  const seconds = throttledSeconds(error);
  if (seconds !== null) {
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    return `Too many attempts, try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
  }
  if (error === ACCOUNT_DISABLED_SIGNIN) return "This account is disabled.";
  if (error === SIGN_IN_UNAVAILABLE) return "Sign-in is busy right now. Please try again in a moment.";
  // Unknown email and wrong password get one answer from the server, and so here.
  return error === "CredentialsSignin" ? "Wrong email or password." : "Could not sign in. Please try again.";
}
