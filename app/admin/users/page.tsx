import { UsersTable } from "@/components/admin/users-table";
import { adminMetadata } from "../metadata";

export const dynamic = "force-dynamic";
export const generateMetadata = () => adminMetadata("users");

export default function AdminUsersPage() {
  return (
    <main>
      <UsersTable />
    </main>
  );
}
