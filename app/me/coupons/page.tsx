import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getTranslations } from "next-intl/server";
import { ClaimCode } from "@/components/claim-code";
import { ClaimedAt } from "@/components/claimed-at";
import { CouponExpiry } from "@/components/coupon-expiry";
import { PromotionHeadline } from "@/components/promotion-headline";
import { useTermsText } from "@/components/terms-text";
import { authOptions } from "@/lib/auth/options";
import { listClaimsOf } from "@/lib/claims/person-claims";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const [meta, t] = await Promise.all([getTranslations("meta"), getTranslations("coupons")]);
  return { title: meta("pageTitle", { page: t("title") }) };
}

export default async function MyCouponsPage() {
  const session = await getServerSession(authOptions());
  if (!session) redirect("/signin?callbackUrl=/me/coupons");
  const [claims, t] = await Promise.all([listClaimsOf(getDb(), session.user.id), getTranslations("coupons")]);
  // eslint-disable-next-line react-hooks/purity -- a server component renders once per request (force-dynamic): no re-render can disagree
  const now = Date.now();

  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {claims.length === 0 ? (
        <p className="text-slate-600">
          {t("empty")}{" "}
          <Link href="/" className="font-medium text-slate-900 underline">
            {t("seePromotions")}
          </Link>
        </p>
      ) : (
        <ul className="space-y-3">
          {claims.map(({ promotion, ...claim }) => (
            <li key={claim.id} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <Link href={`/p/${promotion.slug}`} className="font-semibold text-slate-900 hover:underline">
                  {promotion.title}
                </Link>
                <span className="text-sm text-slate-500">
                  <ClaimedAt iso={claim.claimedAt} timeZone={promotion.timeZone} />
                </span>
              </div>
              <CouponSummary promotion={promotion} />
              <CouponExpiry expiresAt={claim.expiresAt} timeZone={promotion.timeZone} now={now} />
              <ClaimCode claim={claim} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

type ClaimedPromotion = Awaited<ReturnType<typeof listClaimsOf>>[number]["promotion"];

/** What the coupon takes off and from which order on. */
function CouponSummary({ promotion }: { promotion: ClaimedPromotion }) {
  const text = useTermsText();
  return (
    <p className="text-sm text-slate-700">
      <span className="font-semibold text-emerald-800">
        <PromotionHeadline promotion={promotion} />
      </span>{" "}
      · {text.minOrder(promotion)}
    </p>
  );
}
