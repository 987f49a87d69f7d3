import { EditPromotion } from "@/components/admin/edit-promotion";

export const dynamic = "force-dynamic";
export const metadata = { title: "Edit promotion · Admin · Coupon Drop" };

export default async function EditPromotionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main className="max-w-2xl">
      <EditPromotion id={id} />
    </main>
  );
}
