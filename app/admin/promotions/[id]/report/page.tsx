import { DropReport } from "@/components/admin/report/drop-report";

export const dynamic = "force-dynamic";
export const metadata = { title: "Drop report · Admin · Coupon Drop" };

export default async function DropReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main>
      <DropReport id={id} />
    </main>
  );
}
