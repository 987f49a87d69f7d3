// What the claim button shows, as a pure function of what is known. No state here can claim
// success without a 201/202 answer: only `won` shows a coupon, and only a claim answer makes it.
import type { ClaimView } from "@/lib/claims/view";
import type { PromotionStatus } from "@/lib/promotions/view";
import { formatCountdown } from "./time";

/** This person's attempt and what the server answered. The promotion's own state comes from the stock poll. */
export type Attempt =
  | { kind: "none" }
  | { kind: "claiming" }
  | { kind: "won"; claim: ClaimView; already: boolean }
  | { kind: "refused"; message: string }
  | { kind: "waiting"; reason: "RATE_LIMITED" | "UNAVAILABLE"; afterMs: number; retryAt: number }
  | { kind: "failed"; message: string };

export interface ButtonState {
  kind: "won" | "claiming" | "refused" | "ended" | "soldOut" | "paused" | "countdown" | "waiting" | "failed" | "ready";
  /** Always contains "Claim": the button is found by that name in every state. */
  label: string;
  enabled: boolean;
  /** Announced in the status region. */
  message: string;
  claim?: ClaimView;
}

export interface ClaimSituation {
  attempt: Attempt;
  status: PromotionStatus;
  /** Server clock, ms. */
  now: number;
  startsAt: number;
  endsAt: number;
  signedOut: boolean;
}

export function buttonState({ attempt, status, now, startsAt, endsAt, signedOut }: ClaimSituation): ButtonState {
  if (attempt.kind === "won") {
    const message = attempt.already ? "You already claimed this coupon." : "You got it!";
    return { kind: "won", label: "Claimed", enabled: false, message, claim: attempt.claim };
  }
  if (attempt.kind === "claiming") {
    return { kind: "claiming", label: "Claiming…", enabled: false, message: "Claiming your coupon…" };
  }
  if (attempt.kind === "refused") {
    return { kind: "refused", label: "Claim unavailable", enabled: false, message: attempt.message };
  }
  if (status === "ENDED" || now >= endsAt) {
    return { kind: "ended", label: "Claim ended", enabled: false, message: "Ended. This promotion is over." };
  }
  if (status === "SOLD_OUT") {
    return {
      kind: "soldOut",
      label: "Claim closed: sold out",
      enabled: false,
      message: "Sold out. All coupons have been claimed.",
    };
  }
  if (status === "PAUSED") {
    const message = "Paused. Claiming is on hold; this page updates by itself when it resumes.";
    return { kind: "paused", label: "Claim paused", enabled: false, message };
  }
  // The server's "LIVE" outranks our clock; before that, our clock opens the button on time.
  if (status === "SCHEDULED" && now < startsAt) {
    const message = signedOut
      ? "Not open yet. Sign in now to be ready when it opens."
      : "Not open yet. The button unlocks by itself when it opens.";
    return { kind: "countdown", label: `Claim opens in ${formatCountdown(startsAt - now)}`, enabled: false, message };
  }
  if (attempt.kind === "waiting") {
    const seconds = Math.max(1, Math.ceil((attempt.retryAt - now) / 1000));
    const message =
      attempt.reason === "RATE_LIMITED"
        ? "Too many attempts right now. Retrying automatically…"
        : "The service is busy right now. Retrying automatically…";
    return { kind: "waiting", label: `Claim again in ${seconds} s`, enabled: false, message };
  }
  if (attempt.kind === "failed") {
    return { kind: "failed", label: "Claim again", enabled: true, message: attempt.message };
  }
  const message = signedOut
    ? "Live now. Sign in to claim; you will come straight back here."
    : "Live now. One coupon per person.";
  return { kind: "ready", label: "Claim coupon", enabled: true, message };
}
