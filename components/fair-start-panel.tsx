"use client";
import { usePathname, useRouter } from "next/navigation";
import { useSession } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { authHref } from "@/lib/auth/callback-url";
import type { ClaimView } from "@/lib/claims/view";
import type { PromotionView } from "@/lib/promotions/view";
import { sampleOnArrival } from "./api";
import { ClaimCode } from "./claim-code";
import { offsetFrom } from "./clock-offset";
import { enterDraw, fetchEntry, fetchFairStart, type Entry, type FairStart } from "./fair-start-api";
import { ApiFailure, fallbackMessage } from "./http";
import { LivePromotion } from "./live-promotion";
import { useCountdown } from "./use-countdown";
import { useHydrated, useServerClock } from "./use-server-clock";

interface Props {
  promotion: PromotionView & { fairStart: FairStart };
  serverTime: string;
  /** The viewer's entry as the page found it. */
  entry: Entry | null;
  claim: ClaimView | null;
}

const POLL_MS = 2_000;

/**
 * A fair-start promotion's card: a countdown to the entry window, "Enter the draw" inside it,
 * "You're in" with the live entrant count, the result after T0, and how to check the draw.
 * Someone who did not enter finds the classic claim button after T0 (they come after entrants).
 */
export function FairStartPanel({ promotion, serverTime, entry: initialEntry, claim }: Props) {
  const t = useTranslations("fair");
  const countdown = useCountdown();
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
      else setMessage(error instanceof ApiFailure ? error.message : fallbackMessage());
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
              {phase === "before" ? t("entriesOpenIn", { countdown: countdown(opensAt - now) }) : t("enter")}
            </button>
          ) : null}
          <div role="status" aria-live="polite" className="space-y-2">
            <EntryMessage entry={entry} promotion={promotion} fair={fair} phase={phase} />
            {message && <p className="text-red-800">{message}</p>}
            {entry?.status === "WON" && entry.claim && <ClaimCode claim={entry.claim} />}
          </div>
        </div>
      )}
      <p className="text-sm text-slate-600">{t("entrants", { count: fair.entrants })}</p>
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
  const t = useTranslations("fair");
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
      <p className="text-slate-700">{t("beforeWindow", { time: drawTime })}</p>
    ) : (
      <p className="text-slate-700">{t("inWindow", { time: drawTime })}</p>
    );
  }
  if (entry.status === "WON") return <p className="font-semibold text-emerald-800">{t("won")}</p>;
  if (entry.status === "LOST") {
    return (
      <p className="text-slate-700">
        {t("lost", { position: entry.position ?? 0, entrants: fair.entrants, stock: promotion.totalStock })}
      </p>
    );
  }
  if (phase === "after") return <p className="text-slate-700">{t("running")}</p>;
  return <p className="font-semibold text-emerald-800">{t("entered", { time: drawTime })}</p>;
}

/** The commitment, the revealed seed and the formula: enough to recompute every ticket. */
function HowToCheck({ fair }: { fair: FairStart }) {
  const t = useTranslations("fair");
  return (
    <details className="rounded-lg border border-slate-200 p-3 text-sm">
      <summary className="cursor-pointer font-medium">{t("howToCheck")}</summary>
      <dl className="mt-2 space-y-2 break-all">
        <dt className="text-slate-500">{t("seedHash")}</dt>
        <dd className="font-mono">{fair.seedSha256}</dd>
        <dt className="text-slate-500">{t("seed")}</dt>
        <dd className="font-mono">{fair.seed ?? t("seedLater")}</dd>
      </dl>
      <p className="mt-2 text-slate-700">{t("explain")}</p>
    </details>
  );
}
