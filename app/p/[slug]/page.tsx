import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { CouponTerms } from "@/components/coupon-terms";
import { FairStartPanel } from "@/components/fair-start-panel";
import { LivePromotion } from "@/components/live-promotion";
import { PromotionHeadline } from "@/components/promotion-headline";
import { ZonedTime } from "@/components/zoned-time";
import { isDomainError } from "@/lib/errors/domain-error";
import { zoneLabel } from "@/lib/i18n/format";
import { getPublishedPromotion } from "@/lib/promotions/queries";
import { services } from "@/lib/services";
import { viewerClaim, viewerEntry } from "./viewer-claim";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

// One load per request, shared by the metadata and the page.
const loadPromotion = cache(async (slug: string) => {
  try {
    return await getPublishedPromotion(services(), { slug });
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [promotion, meta] = await Promise.all([loadPromotion((await params).slug), getTranslations("meta")]);
  return { title: meta("pageTitle", { page: promotion.title }) };
}

export default async function PromotionPage({ params }: Props) {
  const promotion = await loadPromotion((await params).slug);
  const [claim, entry] = await Promise.all([viewerClaim(promotion.id), promotion.fairStart ? viewerEntry(promotion.id) : null]);
  const serverTime = new Date().toISOString();
  const [t, locale] = await Promise.all([getTranslations("promotion"), getLocale()]);
  const zone = `${promotion.timeZone} (${zoneLabel(promotion.timeZone, new Date(promotion.startsAt))})`;
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <Link href="/" className="text-sm font-medium text-slate-600 hover:text-slate-900">
        {t("back")}
      </Link>
      {/* One column on phones; details beside the claim card from tablet width on. */}
      <div className="mt-4 grid gap-6 md:grid-cols-[1fr_minmax(0,22rem)] md:items-start">
        <div className="space-y-4">
          <p className="text-3xl font-extrabold text-emerald-700">
            <PromotionHeadline promotion={promotion} />
          </p>
          <h1 className="text-2xl font-bold text-balance">{promotion.title}</h1>
          <p className="text-slate-700">{promotion.description}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("opens")}</dt>
            <dd>
              <ZonedTime iso={promotion.startsAt} timeZone={promotion.timeZone} />
            </dd>
            <dt className="text-slate-500">{t("ends")}</dt>
            <dd>
              <ZonedTime iso={promotion.endsAt} timeZone={promotion.timeZone} />
            </dd>
          </dl>
          <section aria-labelledby="terms" className="space-y-2">
            <h2 id="terms" className="text-sm font-semibold text-slate-700">
              {t("terms")}
            </h2>
            <CouponTerms promotion={promotion} />
          </section>
          <p className="text-xs text-slate-500" lang={locale}>
            {t("timeZone", { zone })}
          </p>
        </div>
        <section aria-label={t("claimRegion")} className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          {promotion.fairStart ? (
            <FairStartPanel
              promotion={{ ...promotion, fairStart: promotion.fairStart }}
              serverTime={serverTime}
              entry={entry}
              claim={claim}
            />
          ) : (
            <LivePromotion promotion={promotion} serverTime={serverTime} claim={claim} />
          )}
        </section>
      </div>
    </main>
  );
}
