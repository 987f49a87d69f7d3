import type { ErrorCode } from "./codes";

// A brand shared by every copy of this module in the process: Next compiles lib/ into several
// layers (docs/architecture.md), each with its own DomainError class, so `instanceof` would not
// recognise an error thrown by another copy and its answer would become a 500.
const BRAND = Symbol.for("coupon-drop.DomainError");

/** True for a DomainError from any copy of this module. */
export function isDomainError(error: unknown): error is DomainError {
  return typeof error === "object" && error !== null && (error as { [BRAND]?: true })[BRAND] === true;
}

/**
 * The one error type domain code throws: a code, a message for people, and fields the answer
 * carries along (`extra`). Which HTTP status a code means is the HTTP layer's business
 * (lib/http/error-status.ts), not the domain's.
 */
export class DomainError extends Error {
  readonly [BRAND] = true as const;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
    /** When the caller may try again, if sooner or later than the code's default. */
    readonly retryAfterMs?: number,
  ) {
    // An expected answer (sold out, already claimed, ...), not a bug: capturing a stack trace
    // cost 8% of a sold-out storm's CPU (bench/RESULTS.md), and nobody reads it.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = "DomainError";
  }
}

export const notFound = (what = "Promotion") => new DomainError("NOT_FOUND", `${what} not found.`);

/** A transient outage (a dependency that is down, a rebuild under way): the caller should retry. */
export const unavailable = (message: string, retryAfterMs?: number) => new DomainError("UNAVAILABLE", message, {}, retryAfterMs);
