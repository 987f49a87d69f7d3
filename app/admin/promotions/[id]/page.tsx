import { PromotionDetail } from "@/components/admin/promotion-detail";
import { adminMetadata } from "../../metadata";

export const dynamic = "force-dynamic";
export const generateMetadata = () => adminMetadata("promotion");

export default async function PromotionDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main>
      <PromotionDetail id={id} />
    </main>
  );
}
