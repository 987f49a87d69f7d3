"use client";
import { usePathname, useRouter } from "next/navigation";
import { useSession } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { authHref } from "@/lib/auth/callback-url";
import type { ClaimView } from "@/lib/claims/view";
import type { PromotionView } from "@/lib/promotions/view";
import { fetchMyClaims, requestClaim, type Stock } from "./api";
import { ClaimCode } from "./claim-code";
import { buttonState, type Attempt } from "./claim-state";
import { offsetFrom } from "./clock-offset";
import { useCountdown } from "./use-countdown";
import { useServerClock } from "./use-server-clock";

// Automatic retries in a row after 429/503 (backing off: see claim()); then the person retries by hand.
const MAX_AUTO_RETRIES = 3;

interface Props {
  promotion: Pick<PromotionView, "id" | "startsAt" | "endsAt">;
  stock: Stock;
  patchStock: (change: Partial<Stock>) => void;
  serverTime: string;
  /** The viewer's claim as the page found it: shown as theirs, whatever the stock says. */
  heldClaim: ClaimView | null;
  /** Called once the viewer holds a claim (found by the page or won here). */
  onClaimHeld: () => void;
}

/** The countdown claim button and its status region. */
export function ClaimButton({ promotion, stock, patchStock, serverTime, heldClaim, onClaimHeld }: Props) {
  const t = useTranslations("claim");
  const countdown = useCountdown();
  const router = useRouter();
  const pathname = usePathname();
  const session = useSession().status;
  const signedOut = session === "unauthenticated";
  const now = useServerClock(stock.clock.offsetMs, serverTime);
  const [attempt, setAttempt] = useState<Attempt>(
    heldClaim ? { kind: "won", claim: heldClaim, already: true } : { kind: "none" },
  );
  // A NOT_STARTED answer carries the authoritative start time.
  const [startsAt, setStartsAt] = useState(promotion.startsAt);
  // Set synchronously on press: a second press in the same tick sends nothing.
  const inFlight = useRef(false);
  const autoRetries = useRef(0);

  const state = buttonState(
    { attempt, status: stock.status, now, startsAt: Date.parse(startsAt), endsAt: Date.parse(promotion.endsAt), signedOut },
    t,
    countdown,
  );

  async function claim(automatic: boolean) {
    if (inFlight.current) return;
    if (signedOut) return router.push(authHref("/signin", pathname));
    inFlight.current = true;
    autoRetries.current = automatic ? autoRetries.current + 1 : 0;
    setAttempt({ kind: "claiming" });
    const outcome = await requestClaim(promotion.id);
    inFlight.current = false;

    switch (outcome.kind) {
      case "won":
        patchStock({ remaining: outcome.remaining });
        onClaimHeld();
        return setAttempt({ kind: "won", claim: outcome.claim, already: false });
      case "already":
        onClaimHeld();
        return setAttempt({ kind: "won", claim: outcome.claim, already: true });
      case "closed":
        // The promotion's state lives in the stock data; the next poll can undo it (e.g. resumed).
        patchStock(outcome.status === "SOLD_OUT" ? { status: "SOLD_OUT", remaining: 0 } : { status: outcome.status });
        return setAttempt({ kind: "none" });
      case "notStarted":
        // The server says "not yet", so what opened the button was ahead of it: this answer's clock replaces it.
        patchStock({ status: "SCHEDULED", clock: offsetFrom(outcome.clock) });
        setStartsAt(outcome.startsAt);
        return setAttempt({ kind: "none" });
      case "refused":
        return setAttempt({ kind: "refused", message: outcome.message });
      case "signedOut":
        setAttempt({ kind: "none" });
        return router.push(authHref("/signin", pathname));
      case "retry":
        if (autoRetries.current >= MAX_AUTO_RETRIES) {
          return setAttempt({ kind: "failed", message: t("stillBusy") });
        }
        {
          // Never sooner than Retry-After, later with each retry in a row, with jitter so the
          // crowd's retries do not arrive in step.
          const backoffMs = 500 * 2 ** autoRetries.current;
          const afterMs = outcome.afterMs >= backoffMs ? outcome.afterMs : backoffMs + Math.floor(Math.random() * 250);
          return setAttempt({
            kind: "waiting",
            reason: outcome.reason,
            afterMs,
            retryAt: Date.now() + stock.clock.offsetMs + afterMs,
          });
        }
      case "failed":
        return setAttempt({ kind: "failed", message: outcome.message });
    }
  }

  // A winner never sees "sold out": a tab that has not heard of its person's claim (won in another
  // tab, or while this one was open) asks for it once, when the promotion sells out.
  const soldOutUnheard = stock.status === "SOLD_OUT" && attempt.kind === "none" && session === "authenticated";
  const askedForOwnClaim = useRef(false);
  const findOwnClaim = useEffectEvent(async () => {
    const mine = (await fetchMyClaims()).find((c) => c.promotionId === promotion.id && c.status !== "FAILED");
    if (!mine) return;
    onClaimHeld();
    setAttempt({ kind: "won", claim: mine, already: true });
  });
  useEffect(() => {
    if (!soldOutUnheard || askedForOwnClaim.current) return;
    askedForOwnClaim.current = true;
    findOwnClaim().catch(() => {}); // only a courtesy: without it the page says sold out
  }, [soldOutUnheard]);

  // Retry by itself once Retry-After has passed, unless the promotion closed meanwhile.
  // Keyed on this one wait only: the retry is an effect event, so it sees the latest render.
  const waiting = state.kind === "waiting" && attempt.kind === "waiting" ? attempt : null;
  const retry = useEffectEvent(() => void claim(true));
  useEffect(() => {
    if (!waiting) return;
    const id = setTimeout(retry, waiting.afterMs);
    return () => clearTimeout(id);
  }, [waiting]);

  return (
    <div className="space-y-3">
      <button
        type="button"
        disabled={!state.enabled}
        onClick={() => claim(false)}
        className="h-14 w-full rounded-xl bg-emerald-700 px-4 text-base font-semibold whitespace-nowrap text-white tabular-nums shadow-sm transition-colors hover:bg-emerald-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-emerald-800 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-700 disabled:shadow-none sm:text-lg"
      >
        {state.label}
      </button>
      <div role="status" aria-live="polite" className="space-y-2">
        <p className={state.kind === "won" ? "font-semibold text-emerald-800" : "text-slate-700"}>{state.message}</p>
        {state.claim && <ClaimCode claim={state.claim} />}
      </div>
    </div>
  );
}
