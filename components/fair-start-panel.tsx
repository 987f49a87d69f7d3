"use client";
import { usePathname, useRouter } from "next/navigation";
import { useSession } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { authHref } from "@/lib/auth/callback-url";
import type { ClaimView } from "@/lib/claims/view";
import type { PromotionView } from "@/lib/promotions/view";
import { sampleOnArrival } from "./api";
import { ClaimCode } from "./claim-code";
import { offsetFrom } from "./clock-offset";
import { enterDraw, fetchEntry, fetchFairStart, type Entry, type FairStart } from "./fair-start-api";
import { ApiFailure } from "./http";
import { LivePromotion } from "./live-promotion";
import { formatCountdown } from "./time";
import { useHydrated, useServerClock } from "./use-server-clock";

interface Props {
  promotion: PromotionView & { fairStart: FairStart };
  serverTime: string;
  /** The viewer's entry as the page found it. */
  entry: Entry | null;
  claim: ClaimView | null;
}

const POLL_MS = 2_000;
const number = (n: number) => n.toLocaleString("en");

/**
 * A fair-start promotion's card: a countdown to the entry window, "Enter the draw" inside it,
 * "You're in" with the live entrant count, the result after T0, and how to check the draw.
 * Someone who did not enter finds the classic claim button after T0 (they come after entrants).
 */
export function FairStartPanel({ promotion, serverTime, entry: initialEntry, claim }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const signedOut = useSession().status === "unauthenticated";
  const [offsetMs] = useState(() => offsetFrom(sampleOnArrival(serverTime, null, 0)).offsetMs);
  const now = useServerClock(offsetMs, serverTime);
  const [entry, setEntry] = useState(initialEntry);
  const [fair, setFair] = useState(promotion.fairStart);
  const [message, setMessage] = useState<string | null>(null);
  const busy = useRef(false);
  const opensAt = Date.parse(fair.opensAt);
  const drawAt = Date.parse(promotion.startsAt);
  const phase = now < opensAt ? "before" : now < drawAt ? "window" : "after";
  const settled = entry !== null && entry.status !== "WAITING";

  // Live entrant count, and after T0 the result and the revealed seed, until all is settled.
  useEffect(() => {
    if (fair.drawnAt && (entry === null || settled)) return;
    const id = setInterval(() => {
      void fetchFairStart(promotion.id)
        .then((f) => f && setFair(f))
        .catch(() => {});
      if (entry && !settled && Date.now() + offsetMs >= drawAt) {
        void fetchEntry(promotion.id)
          .then(setEntry)
          .catch(() => {});
      }
    }, POLL_MS);
    return () => clearInterval(id);
  }, [promotion.id, fair.drawnAt, entry, settled, offsetMs, drawAt]);

  async function enter() {
    if (busy.current) return;
    if (signedOut) return router.push(authHref("/signin", pathname));
    busy.current = true;
    setMessage(null);
    try {
      setEntry(await enterDraw(promotion.id));
    } catch (error) {
      if (error instanceof ApiFailure && error.code === "UNAUTHENTICATED") router.push(authHref("/signin", pathname));
      else setMessage(error instanceof ApiFailure ? error.message : "Something went wrong. Please try again.");
    } finally {
      busy.current = false;
    }
  }

  return (
    <div className="space-y-5">
      {entry === null && phase === "after" ? (
        <LivePromotion promotion={promotion} serverTime={serverTime} claim={claim} />
      ) : (
        <div className="space-y-3">
          {entry === null ? (
            <button
              type="button"
              disabled={phase !== "window"}
              onClick={() => void enter()}
              className="h-14 w-full rounded-xl bg-emerald-700 px-4 text-base font-semibold text-white tabular-nums shadow-sm hover:bg-emerald-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-emerald-800 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-700 sm:text-lg"
            >
              {phase === "before" ? `Entries open in ${formatCountdown(opensAt - now)}` : "Enter the draw"}
            </button>
          ) : null}
          <div role="status" aria-live="polite" className="space-y-2">
            <EntryMessage entry={entry} promotion={promotion} fair={fair} phase={phase} />
            {message && <p className="text-red-800">{message}</p>}
            {entry?.status === "WON" && entry.claim && <ClaimCode claim={entry.claim} />}
          </div>
        </div>
      )}
      <p className="text-sm text-slate-600">
        {number(fair.entrants)} {fair.entrants === 1 ? "entrant" : "entrants"} so far
      </p>
      <HowToCheck fair={fair} />
    </div>
  );
}

function EntryMessage({
  entry,
  promotion,
  fair,
  phase,
}: {
  entry: Entry | null;
  promotion: PromotionView;
  fair: FairStart;
  phase: string;
}) {
  const hydrated = useHydrated();
  const drawTime = new Date(promotion.startsAt).toLocaleTimeString(hydrated ? [] : "en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
    timeZone: hydrated ? undefined : "UTC",
  });
  if (entry === null) {
    return phase === "before" ? (
      <p className="text-slate-700">Entry is a draw: everyone who enters before {drawTime} has the same chance.</p>
    ) : (
      <p className="text-slate-700">Enter before {drawTime}. Entering early or late makes no difference.</p>
    );
  }
  if (entry.status === "WON") return <p className="font-semibold text-emerald-800">You won</p>;
  if (entry.status === "LOST") {
    return (
      <p className="text-slate-700">
        Not this time: you drew #{number(entry.position ?? 0)} of {number(fair.entrants)} for {number(promotion.totalStock)}{" "}
        coupons
      </p>
    );
  }
  if (phase === "after") return <p className="text-slate-700">The draw is running…</p>;
  return (
    <p className="font-semibold text-emerald-800">
      You&apos;re in. The draw is at {drawTime}, and entering early or late makes no difference
    </p>
  );
}

/** The commitment, the revealed seed and the formula: enough to recompute every ticket. */
function HowToCheck({ fair }: { fair: FairStart }) {
  return (
    <details className="rounded-lg border border-slate-200 p-3 text-sm">
      <summary className="cursor-pointer font-medium">How to check the draw</summary>
      <dl className="mt-2 space-y-2 break-all">
        <dt className="text-slate-500">Seed hash (published before entries opened)</dt>
        <dd className="font-mono">{fair.seedSha256}</dd>
        <dt className="text-slate-500">Seed</dt>
        <dd className="font-mono">{fair.seed ?? "revealed after the draw"}</dd>
      </dl>
      <p className="mt-2 text-slate-700">
        Check that SHA-256 of the seed&apos;s bytes is the hash. Every entrant&apos;s ticket is HMAC-SHA256 with the seed&apos;s
        bytes as key and their user id as message, in lowercase hex. The lowest tickets win, one coupon each; your position is
        your ticket&apos;s rank among all entrants.
      </p>
    </details>
  );
}
