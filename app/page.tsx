import { getTranslations } from "next-intl/server";
import { EndedPager } from "@/components/ended-pager";
import { PromotionCard } from "@/components/promotion-card";
import { listPublicPromotions } from "@/lib/promotions/queries";
import { publicListQuery } from "@/lib/promotions/schemas";
import type { PromotionView } from "@/lib/promotions/view";
import { services } from "@/lib/services";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: Props) {
  // A page is for people, not programs: a bad or foreign parameter shows the first page.
  const parsed = publicListQuery.safeParse(await searchParams);
  const { promotions, ended } = await listPublicPromotions(services(), parsed.success ? parsed.data : publicListQuery.parse({}));
  // eslint-disable-next-line react-hooks/purity -- a server component renders once per request (force-dynamic): no re-render can disagree
  const now = Date.now();
  // A paused promotion stays in the group its time window puts it in.
  const over = promotions.filter((p) => p.status === "SOLD_OUT" || p.status === "ENDED");
  const upcoming = promotions.filter((p) => !over.includes(p) && Date.parse(p.startsAt) > now);
  const live = promotions.filter((p) => !over.includes(p) && !upcoming.includes(p));
  const t = await getTranslations("home");

  return (
    <main className="mx-auto max-w-3xl space-y-8 px-4 py-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {promotions.length === 0 && <p className="text-slate-600">{t("empty")}</p>}
      <PromotionGroup title={t("live")} promotions={live} />
      <PromotionGroup title={t("upcoming")} promotions={upcoming} upcoming />
      <PromotionGroup title={t("over")} promotions={over} />
      <EndedPager {...ended} />
    </main>
  );
}

function PromotionGroup({
  title,
  promotions,
  upcoming = false,
}: {
  title: string;
  promotions: PromotionView[];
  upcoming?: boolean;
}) {
  if (promotions.length === 0) return null;
  return (
    <section className="space-y-3">
      <h2 className="text-sm font-semibold tracking-wide text-slate-500 uppercase">{title}</h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {promotions.map((promotion) => (
          <li key={promotion.id}>
            <PromotionCard promotion={promotion} upcoming={upcoming} />
          </li>
        ))}
      </ul>
    </section>
  );
}
