"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ClaimView } from "@/lib/claims/view";
import { fetchMyClaims } from "./api";
import { CouponCode } from "./coupon-code";
import { queryKeys } from "./query-keys";

const POLL_MS = 2000;

/** The coupon of one claim. A PENDING claim is polled (via /api/me/claims) until it is issued. */
export function ClaimCode({ claim }: { claim: ClaimView }) {
  const t = useTranslations("coupon");
  const pending = claim.status === "PENDING";
  const { data } = useQuery({
    queryKey: queryKeys.myClaims,
    queryFn: fetchMyClaims,
    enabled: pending,
    refetchInterval: (query) => {
      const mine = query.state.data?.find((c) => c.id === claim.id);
      return mine && mine.status !== "PENDING" ? false : POLL_MS;
    },
  });
  const latest = (pending && data?.find((c) => c.id === claim.id)) || claim;

  if (latest.status === "ISSUED" && latest.couponCode) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <span className="rounded-full bg-emerald-100 px-2.5 py-0.5 text-xs font-semibold text-emerald-800">{t("issued")}</span>
        <CouponCode code={latest.couponCode} />
      </div>
    );
  }
  if (latest.status === "FAILED") {
    // Issuing gave up and the coupon went back to the stock; the person's slot is free again.
    return <p className="text-sm text-red-700">{t("notIssued")}</p>;
  }
  return <p className="text-sm text-slate-700">{t("issuing")}</p>;
}
