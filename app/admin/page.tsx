import { Dashboard } from "@/components/admin/dashboard";
import { adminMetadata } from "./metadata";

export const dynamic = "force-dynamic";
export const generateMetadata = () => adminMetadata("promotions");

export default function AdminDashboardPage() {
  return (
    <main>
      <Dashboard />
    </main>
  );
}
