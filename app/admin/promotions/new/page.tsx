import { PromotionForm } from "@/components/admin/promotion-form";
import { JavascriptRequiredNotice } from "@/components/javascript-required-notice";

export const dynamic = "force-dynamic";
export const metadata = { title: "New promotion · Admin · Coupon Drop" };

export default async function NewPromotionPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const { error } = await searchParams;
  return (
    <main className="max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">New promotion</h1>
      <JavascriptRequiredNotice error={error} why="promotion" />
      <PromotionForm />
    </main>
  );
}
