import { EditPromotion } from "@/components/admin/edit-promotion";
import { JavascriptRequiredNotice } from "@/components/javascript-required-notice";

export const dynamic = "force-dynamic";
export const metadata = { title: "Edit promotion · Admin · Coupon Drop" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ error?: string | string[] }> };

export default async function EditPromotionPage({ params, searchParams }: Props) {
  const [{ id }, { error }] = await Promise.all([params, searchParams]);
  return (
    <main className="max-w-2xl space-y-5">
      <JavascriptRequiredNotice error={error} why="promotion" />
      <EditPromotion id={id} />
    </main>
  );
}
