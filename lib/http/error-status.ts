import type { ErrorCode } from "@/lib/errors/codes";

interface HttpMapping {
  status: number;
  /** Seconds for Retry-After, when the caller should try again. */
  retryAfterS?: number;
}

/** The one table from error code to HTTP status (and Retry-After). Domain code never names a status. */
export const HTTP_STATUS: Record<ErrorCode, HttpMapping> = {
  INVALID_INPUT: { status: 400 },
  CHALLENGE_FAILED: { status: 400 },
  UNAUTHENTICATED: { status: 401 },
  FORBIDDEN: { status: 403 },
  NOT_STARTED: { status: 403 },
  ENDED: { status: 403 },
  PAUSED: { status: 403 },
  NOT_ELIGIBLE: { status: 403 },
  ACCOUNT_DISABLED: { status: 403 },
  NOT_FOUND: { status: 404 },
  NO_ENTRY: { status: 404 },
  ALREADY_CLAIMED: { status: 409 },
  EMAIL_TAKEN: { status: 409 },
  SLUG_TAKEN: { status: 409 },
  PROMOTION_STARTED: { status: 409 },
  BELOW_CLAIMED: { status: 409 },
  HAS_CLAIMS: { status: 409 },
  SELF_CHANGE: { status: 409 },
  ENTRY_CLOSED: { status: 409 },
  FAIR_START_LOCKED: { status: 409 },
  TERMS_LOCKED: { status: 409 },
  SOLD_OUT: { status: 410 },
  PAYLOAD_TOO_LARGE: { status: 413 },
  RATE_LIMITED: { status: 429, retryAfterS: 1 },
  INTERNAL: { status: 500 },
  UNAVAILABLE: { status: 503, retryAfterS: 1 },
  // This deployment has no long-lived connections (Upstash over REST): the admin screens poll.
  LIVE_UNAVAILABLE: { status: 501 },
};
