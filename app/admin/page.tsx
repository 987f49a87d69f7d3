import { Dashboard } from "@/components/admin/dashboard";

export const dynamic = "force-dynamic";
export const metadata = { title: "Promotions · Admin · Coupon Drop" };

export default function AdminDashboardPage() {
  return (
    <main>
      <Dashboard />
    </main>
  );
}
