import { isDomainError } from "@/lib/errors/domain-error";
import { isTransientOutage } from "@/lib/errors/transient";

// What a claim attempt came to, as the drop report and the metrics count it. Every attempt by a
// signed-in person at an existing promotion is exactly one of these; "other" holds the rare rest
// (ended, paused, an unexpected error), so the per-second totals are the requests answered.
export const OUTCOMES = [
  "won",
  "soldOut",
  "alreadyClaimed",
  "rateLimited",
  "notEligible",
  "notStarted",
  "unavailable",
  "other",
] as const;

export type Outcome = (typeof OUTCOMES)[number];

/** The snake_case name of an outcome (Prometheus label, CSV column). */
export const outcomeLabel = (outcome: Outcome) => outcome.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const BY_CODE: Partial<Record<string, Outcome>> = {
  SOLD_OUT: "soldOut",
  ALREADY_CLAIMED: "alreadyClaimed",
  RATE_LIMITED: "rateLimited",
  NOT_ELIGIBLE: "notEligible",
  NOT_STARTED: "notStarted",
  UNAVAILABLE: "unavailable",
};

/**
 * The outcome of a claim that threw, or null when the attempt names no promotion that exists
 * (NOT_FOUND): those are not counted, so random ids cannot create rows.
 */
export function outcomeOfError(error: unknown): Outcome | null {
  if (isDomainError(error)) {
    if (error.code === "NOT_FOUND") return null;
    return BY_CODE[error.code] ?? "other";
  }
  // The endpoint wrapper answers these 503 (lib/http/errors.ts).
  return isTransientOutage(error) ? "unavailable" : "other";
}
