// The browser's calls to the public API. Their answers are typed by the server's own functions
// (types only from lib/: nothing server-side is bundled).
import type { z } from "zod";
import type { signupSchema } from "@/lib/auth/schemas";
import type { ClaimSuccess } from "@/lib/claims/claim";
import type { listClaimsOf } from "@/lib/claims/person-claims";
import type { ClaimView } from "@/lib/claims/view";
import type { getLiveStock } from "@/lib/promotions/queries";
import { parseAge, type ClockOffset, type ClockSample } from "./clock-offset";
import { ApiFailure, callApi, fallbackMessage, requestApi, unavailableMessage } from "./http";
import type { Jsonified } from "./jsonified";

/** GET /api/promotions/:id/stock. */
export type LiveStock = Jsonified<Awaited<ReturnType<typeof getLiveStock>>>;

export interface Stock extends LiveStock {
  /** The best measurement of the server's clock so far (components/clock-offset.ts). */
  clock: ClockOffset;
}

/**
 * What an answer that has just arrived says about the server's clock. `sentAt` is
 * performance.now() when the request left; `ageHeader` the answer's HTTP Age, if any.
 */
export function sampleOnArrival(serverTime: string, ageHeader: string | null, sentAt: number): ClockSample {
  return {
    serverTime: Date.parse(serverTime),
    ageMs: parseAge(ageHeader),
    receivedAt: Date.now(),
    rttMs: performance.now() - sentAt,
  };
}

/** The stock read, and the clock sample it carries (it may be a CDN's copy up to a second or so old). */
export async function fetchStock(promotionId: string): Promise<{ stock: LiveStock; clock: ClockSample }> {
  const sentAt = performance.now();
  const { data, headers } = await requestApi<LiveStock>(`/api/promotions/${promotionId}/stock`);
  return { stock: data, clock: sampleOnArrival(data.serverTime, headers.get("Age"), sentAt) };
}

/** One claim of GET /api/me/claims, with the promotion it belongs to. */
export type MyClaim = Jsonified<Awaited<ReturnType<typeof listClaimsOf>>[number]>;

export async function fetchMyClaims(): Promise<MyClaim[]> {
  return (await callApi<{ claims: MyClaim[] }>("/api/me/claims")).claims;
}

/** POST /api/auth/signup: creates the account (signing in is next-auth's part). */
export async function createAccount(body: z.input<typeof signupSchema>): Promise<void> {
  await callApi("/api/auth/signup", { method: "POST", body });
}

/** What a claim request came to, in the terms the claim button needs. */
export type ClaimOutcome =
  | { kind: "won"; claim: ClaimView; remaining: number }
  | { kind: "already"; claim: ClaimView }
  | { kind: "closed"; status: "SOLD_OUT" | "PAUSED" | "ENDED" }
  | { kind: "notStarted"; startsAt: string; clock: ClockSample }
  | { kind: "refused"; message: string }
  | { kind: "signedOut" }
  | { kind: "retry"; reason: "RATE_LIMITED" | "UNAVAILABLE"; afterMs: number }
  | { kind: "failed"; message: string };

type ClaimAnswer = Jsonified<Pick<ClaimSuccess, "claim" | "remaining">>;
/** What some refusals carry besides `{error, message}`. */
type RefusalExtras = Partial<{ claim: ClaimView; startsAt: string; serverTime: string }>;

const NETWORK_RETRY_MS = 2000;
const DEFAULT_RETRY_MS = 1000;

export async function requestClaim(promotionId: string): Promise<ClaimOutcome> {
  const sentAt = performance.now();
  try {
    const { data, status } = await requestApi<ClaimAnswer>(`/api/promotions/${promotionId}/claim`, { method: "POST" });
    // Only a 201 (issued) or 202 (recorded, issued shortly) with its claim is a win.
    if ((status === 201 || status === 202) && data?.claim) {
      return { kind: "won", claim: data.claim, remaining: data.remaining };
    }
    return { kind: "failed", message: fallbackMessage() };
  } catch (error) {
    // No answer: whether it arrived is unknown; retrying is safe: a second claim answers 409 with the first.
    if (!(error instanceof ApiFailure)) return { kind: "retry", reason: "UNAVAILABLE", afterMs: NETWORK_RETRY_MS };
    return refusalOutcome(error, sentAt);
  }
}

function refusalOutcome(failure: ApiFailure, sentAt: number): ClaimOutcome {
  // By status first: a proxy or CDN in front may answer these without the API's body.
  if (failure.status === 429 || failure.status === 503) {
    const reason = failure.status === 429 ? "RATE_LIMITED" : "UNAVAILABLE";
    return { kind: "retry", reason, afterMs: failure.retryAfterMs ?? DEFAULT_RETRY_MS };
  }
  // The API's contract for these codes; the body was already checked to be the API's own.
  const extras = failure.body as RefusalExtras;
  switch (failure.code) {
    case "ALREADY_CLAIMED":
      return extras.claim ? { kind: "already", claim: extras.claim } : { kind: "failed", message: failure.message };
    case "SOLD_OUT":
    case "PAUSED":
    case "ENDED":
      return { kind: "closed", status: failure.code };
    case "NOT_STARTED":
      return extras.startsAt && extras.serverTime
        ? { kind: "notStarted", startsAt: extras.startsAt, clock: sampleOnArrival(extras.serverTime, null, sentAt) }
        : { kind: "failed", message: failure.message };
    case "NOT_ELIGIBLE":
      return { kind: "refused", message: failure.message };
    case "NOT_FOUND":
      return { kind: "refused", message: unavailableMessage() };
    case "UNAUTHENTICATED":
      return { kind: "signedOut" };
    default:
      return { kind: "failed", message: failure.message };
  }
}
