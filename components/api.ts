// The browser's calls to the HTTP API. Types only from lib/: nothing server-side is bundled.
import type { ClaimView } from "@/lib/claims/view";
import type { PromotionStatus } from "@/lib/promotions/view";

export interface Stock {
  remaining: number;
  totalStock: number;
  status: PromotionStatus;
  serverTime: string;
  /** Server clock minus browser clock, in ms. */
  offsetMs: number;
}

/** Server clock minus browser clock, measured as an answer arrives: short by the trip back, so a countdown never opens early. */
export const clockOffset = (serverTime: string) => Date.parse(serverTime) - Date.now();

export async function fetchStock(promotionId: string): Promise<Stock> {
  const res = await fetch(`/api/promotions/${promotionId}/stock`, { cache: "no-store" });
  if (!res.ok) throw new Error(`Stock request failed with ${res.status}`);
  const body = (await res.json()) as Omit<Stock, "offsetMs">;
  return { ...body, offsetMs: clockOffset(body.serverTime) };
}

export type MyClaim = ClaimView & { promotion: { id: string; title: string; slug: string } };

export async function fetchMyClaims(): Promise<MyClaim[]> {
  const res = await fetch("/api/me/claims", { cache: "no-store" });
  if (!res.ok) throw new Error(`Claims request failed with ${res.status}`);
  return ((await res.json()) as { claims: MyClaim[] }).claims;
}

/** What a claim request came to, in the terms the claim button needs. */
export type ClaimOutcome =
  | { kind: "won"; claim: ClaimView; remaining: number }
  | { kind: "already"; claim: ClaimView }
  | { kind: "closed"; status: "SOLD_OUT" | "PAUSED" | "ENDED" }
  | { kind: "notStarted"; startsAt: string; serverTime: string }
  | { kind: "refused"; message: string }
  | { kind: "signedOut" }
  | { kind: "retry"; reason: "RATE_LIMITED" | "UNAVAILABLE"; afterMs: number }
  | { kind: "failed"; message: string };

const NETWORK_RETRY_MS = 2000;

export async function requestClaim(promotionId: string): Promise<ClaimOutcome> {
  let res: Response;
  try {
    res = await fetch(`/api/promotions/${promotionId}/claim`, { method: "POST" });
  } catch {
    // Whether it arrived is unknown; retrying is safe: a second claim answers 409 with the first.
    return { kind: "retry", reason: "UNAVAILABLE", afterMs: NETWORK_RETRY_MS };
  }
  if (res.status === 429 || res.status === 503) {
    return { kind: "retry", reason: res.status === 429 ? "RATE_LIMITED" : "UNAVAILABLE", afterMs: retryAfterMs(res) };
  }
  const body = await res.json().catch(() => null);
  if ((res.status === 201 || res.status === 202) && body?.claim) {
    return { kind: "won", claim: body.claim, remaining: body.remaining };
  }
  switch (body?.error) {
    case "ALREADY_CLAIMED":
      return { kind: "already", claim: body.claim };
    case "SOLD_OUT":
    case "PAUSED":
    case "ENDED":
      return { kind: "closed", status: body.error };
    case "NOT_STARTED":
      return { kind: "notStarted", startsAt: body.startsAt, serverTime: body.serverTime };
    case "NOT_ELIGIBLE":
      return { kind: "refused", message: body.message ?? "You are not eligible for this promotion." };
    case "NOT_FOUND":
      return { kind: "refused", message: "This promotion is no longer available." };
    case "UNAUTHENTICATED":
      return { kind: "signedOut" };
    default:
      return { kind: "failed", message: body?.message ?? "Something went wrong. Please try again." };
  }
}

/** Retry-After in seconds or as an HTTP date; one second when absent or unreadable. */
function retryAfterMs(res: Response): number {
  const header = res.headers.get("Retry-After") ?? "";
  const seconds = Number(header);
  if (header.trim() !== "" && Number.isFinite(seconds)) return Math.max(seconds, 0) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(date - Date.now(), 0);
}
