// What the claim button shows, as a pure function of what is known. No state here can claim
// success without a 201/202 answer: only `won` shows a coupon, and only a claim answer makes it.
import type { ClaimView } from "@/lib/claims/view";
import type { PromotionStatus } from "@/lib/promotions/view";
import { formatCountdown } from "./time";

/** What the button says, looked up in the viewer's language (next-intl's "claim" messages). */
export type ClaimText = (
  key:
    | "labelClaimed"
    | "labelClaiming"
    | "labelUnavailable"
    | "labelEnded"
    | "labelSoldOut"
    | "labelPaused"
    | "labelCountdown"
    | "labelWaiting"
    | "labelAgain"
    | "labelReady"
    | "wonAlready"
    | "won"
    | "claiming"
    | "ended"
    | "soldOut"
    | "paused"
    | "notOpenSignedOut"
    | "notOpen"
    | "rateLimited"
    | "busy"
    | "readySignedOut"
    | "ready",
  values?: { countdown?: string; seconds?: number },
) => string;

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
  /** Always contains "Claim" in English ("쿠폰 받기" in Korean): the button is found by that name in every state. */
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

export function buttonState(
  { attempt, status, now, startsAt, endsAt, signedOut }: ClaimSituation,
  t: ClaimText,
  countdown: (ms: number) => string = formatCountdown,
): ButtonState {
  if (attempt.kind === "won") {
    const message = attempt.already ? t("wonAlready") : t("won");
    return { kind: "won", label: t("labelClaimed"), enabled: false, message, claim: attempt.claim };
  }
  if (attempt.kind === "claiming") {
    return { kind: "claiming", label: t("labelClaiming"), enabled: false, message: t("claiming") };
  }
  if (attempt.kind === "refused") {
    return { kind: "refused", label: t("labelUnavailable"), enabled: false, message: attempt.message };
  }
  if (status === "ENDED" || now >= endsAt) {
    return { kind: "ended", label: t("labelEnded"), enabled: false, message: t("ended") };
  }
  if (status === "SOLD_OUT") {
    return { kind: "soldOut", label: t("labelSoldOut"), enabled: false, message: t("soldOut") };
  }
  if (status === "PAUSED") {
    return { kind: "paused", label: t("labelPaused"), enabled: false, message: t("paused") };
  }
  // The server's "LIVE" outranks our clock; before that, our clock opens the button on time.
  if (status === "SCHEDULED" && now < startsAt) {
    const message = signedOut ? t("notOpenSignedOut") : t("notOpen");
    return { kind: "countdown", label: t("labelCountdown", { countdown: countdown(startsAt - now) }), enabled: false, message };
  }
  if (attempt.kind === "waiting") {
    const seconds = Math.max(1, Math.ceil((attempt.retryAt - now) / 1000));
    const message = attempt.reason === "RATE_LIMITED" ? t("rateLimited") : t("busy");
    return { kind: "waiting", label: t("labelWaiting", { seconds }), enabled: false, message };
  }
  if (attempt.kind === "failed") {
    return { kind: "failed", label: t("labelAgain"), enabled: true, message: attempt.message };
  }
  const message = signedOut ? t("readySignedOut") : t("ready");
  return { kind: "ready", label: t("labelReady"), enabled: true, message };
}
