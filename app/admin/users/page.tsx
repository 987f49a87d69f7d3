import { UsersTable } from "@/components/admin/users-table";

export const dynamic = "force-dynamic";
export const metadata = { title: "Users · Admin · Coupon Drop" };

export default function AdminUsersPage() {
  return (
    <main>
      <UsersTable />
    </main>
  );
}
