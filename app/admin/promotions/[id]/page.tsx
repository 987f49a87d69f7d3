import { PromotionDetail } from "@/components/admin/promotion-detail";

export const dynamic = "force-dynamic";
export const metadata = { title: "Promotion · Admin · Coupon Drop" };

export default async function PromotionDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main>
      <PromotionDetail id={id} />
    </main>
  );
}
