// The browser's calls to the admin Users API (types only from lib/).
import { callApi } from "@/components/http";
import type { AdminUserView } from "@/lib/users/schemas";

export type AdminUser = AdminUserView;
export interface UsersPage {
  users: AdminUser[];
  page: number;
  pageSize: number;
  total: number;
}

const base = "/api/admin/users";

export const fetchUsers = (q: string, page: number) =>
  callApi<UsersPage>(`${base}?${new URLSearchParams({ q, page: String(page) })}`);
export const updateUser = (id: string, body: { role?: "USER" | "ADMIN"; disabled?: boolean }) =>
  callApi<{ user: AdminUser }>(`${base}/${encodeURIComponent(id)}`, { method: "PATCH", body });
export const signOutUser = (id: string) =>
  callApi<{ user: AdminUser }>(`${base}/${encodeURIComponent(id)}/sign-out`, { method: "POST" });
