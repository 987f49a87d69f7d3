import { getTranslations } from "next-intl/server";
import { PromotionForm } from "@/components/admin/promotion-form";
import { JavascriptRequiredNotice } from "@/components/javascript-required-notice";
import { formDefaults } from "../form-defaults";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const [meta, t] = await Promise.all([getTranslations("meta"), getTranslations("adminForm")]);
  return { title: meta("pageTitle", { page: t("newTitle") }) };
}

export default async function NewPromotionPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const [{ error }, t] = await Promise.all([searchParams, getTranslations("adminForm")]);
  return (
    <main className="max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <JavascriptRequiredNotice error={error} why="promotion" />
      <PromotionForm {...formDefaults()} />
    </main>
  );
}
