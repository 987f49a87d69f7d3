import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { formatDiscount } from "@/components/discount";
import { FairStartPanel } from "@/components/fair-start-panel";
import { LivePromotion } from "@/components/live-promotion";
import { LocalTime } from "@/components/local-time";
import { isDomainError } from "@/lib/errors/domain-error";
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
  const promotion = await loadPromotion((await params).slug);
  return { title: `${promotion.title} · Coupon Drop` };
}

export default async function PromotionPage({ params }: Props) {
  const promotion = await loadPromotion((await params).slug);
  const [claim, entry] = await Promise.all([viewerClaim(promotion.id), promotion.fairStart ? viewerEntry(promotion.id) : null]);
  const serverTime = new Date().toISOString();
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <Link href="/" className="text-sm font-medium text-slate-600 hover:text-slate-900">
        ← All promotions
      </Link>
      {/* One column on phones; details beside the claim card from tablet width on. */}
      <div className="mt-4 grid gap-6 md:grid-cols-[1fr_minmax(0,22rem)] md:items-start">
        <div className="space-y-4">
          <p className="text-3xl font-extrabold text-emerald-700">{formatDiscount(promotion.discount)}</p>
          <h1 className="text-2xl font-bold text-balance">{promotion.title}</h1>
          <p className="text-slate-700">{promotion.description}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">Opens</dt>
            <dd>
              <LocalTime iso={promotion.startsAt} />
            </dd>
            <dt className="text-slate-500">Ends</dt>
            <dd>
              <LocalTime iso={promotion.endsAt} />
            </dd>
          </dl>
        </div>
        <section aria-label="Claim" className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
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
