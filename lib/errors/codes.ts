// Every error code the API answers with, in `{ "error": CODE, "message": "..." }`. Shared with
// the browser (types and this list only), so the client never spells a code by hand.
export const ERROR_CODES = [
  "INVALID_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "PAYLOAD_TOO_LARGE",
  "NOT_STARTED",
  "ENDED",
  "PAUSED",
  "NOT_ELIGIBLE",
  "SOLD_OUT",
  "ALREADY_CLAIMED",
  "EMAIL_TAKEN",
  "CHALLENGE_FAILED",
  "SLUG_TAKEN",
  "PROMOTION_STARTED",
  "BELOW_CLAIMED",
  "HAS_CLAIMS",
  "RATE_LIMITED",
  "ACCOUNT_DISABLED",
  "SELF_CHANGE",
  "UNAVAILABLE",
  "INTERNAL",
  "LIVE_UNAVAILABLE",
  "ENTRY_CLOSED",
  "NO_ENTRY",
  "FAIR_START_LOCKED",
  "TERMS_LOCKED",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: ErrorCode;
  message: string;
  [extra: string]: unknown;
}
