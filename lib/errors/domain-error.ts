import type { ErrorCode } from "./codes";

/**
 * The one error type domain code throws: a code, a message for people, and fields the answer
 * carries along (`extra`). Which HTTP status a code means is the HTTP layer's business
 * (lib/http/error-status.ts), not the domain's.
 */
export class DomainError extends Error {
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
