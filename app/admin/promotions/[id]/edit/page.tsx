import { getTranslations } from "next-intl/server";
import { EditPromotion } from "@/components/admin/edit-promotion";
import { JavascriptRequiredNotice } from "@/components/javascript-required-notice";
import { formDefaults } from "../../form-defaults";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const [meta, t] = await Promise.all([getTranslations("meta"), getTranslations("adminForm")]);
  return { title: meta("pageTitle", { page: t("editTitle") }) };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ error?: string | string[] }> };

export default async function EditPromotionPage({ params, searchParams }: Props) {
  const [{ id }, { error }] = await Promise.all([params, searchParams]);
  return (
    <main className="max-w-2xl space-y-5">
      <JavascriptRequiredNotice error={error} why="promotion" />
      <EditPromotion id={id} {...formDefaults()} />
    </main>
  );
}
