import { DropReport } from "@/components/admin/report/drop-report";
import { adminMetadata } from "../../../metadata";

export const dynamic = "force-dynamic";
export const generateMetadata = () => adminMetadata("dropReport");

export default async function DropReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main>
      <DropReport id={id} />
    </main>
  );
}
