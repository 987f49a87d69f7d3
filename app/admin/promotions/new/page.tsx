import { PromotionForm } from "@/components/admin/promotion-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "New promotion · Admin · Coupon Drop" };

export default function NewPromotionPage() {
  return (
    <main className="max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">New promotion</h1>
      <PromotionForm />
    </main>
  );
}
