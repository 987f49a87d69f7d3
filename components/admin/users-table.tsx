"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSession } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { ApiFailure } from "@/components/http";
import { LocalTime } from "@/components/local-time";
import { queryKeys } from "@/components/query-keys";
import { buttonClass } from "./styles";
import { fetchUsers, signOutUser, updateUser, type AdminUser } from "./users-api";

// 4xx answers (signed out, not an admin) do not get better by asking again.
const retry = (count: number, error: Error) => !(error instanceof ApiFailure && error.status < 500) && count < 3;

/** The Users page: search by email, a page of accounts, and per account role, disable and sign-out. */
export function UsersTable() {
  const t = useTranslations("users");
  const [draft, setDraft] = useState("");
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const searchId = useId();
  const query = useQuery({
    queryKey: queryKeys.admin.users(q, page),
    queryFn: () => fetchUsers(q, page),
    placeholderData: keepPreviousData,
    retry,
  });
  const total = query.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / (query.data?.pageSize ?? 20)));
  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(draft.trim());
    setPage(1);
  };

  return (
    <section aria-labelledby="users-heading" className="space-y-4">
      <h1 id="users-heading" className="text-2xl font-bold">
        {t.rich("heading", {
          total,
          count: (chunks) => <span className="text-base font-normal text-slate-600">{chunks}</span>,
        })}
      </h1>
      <form role="search" onSubmit={search} className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={searchId} className="text-sm font-medium text-slate-800">
            {t("search")}
          </label>
          <input
            id={searchId}
            type="search"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            maxLength={200}
            className="h-10 w-72 rounded-lg border border-slate-400 px-3 text-sm focus-visible:outline-2 focus-visible:outline-slate-900"
          />
        </div>
        <button type="submit" className={buttonClass.primary}>
          {t("searchButton")}
        </button>
      </form>
      {query.isError && (
        <p role="alert" className="text-red-700">
          {t("loadFailed", { message: query.error.message })}
        </p>
      )}
      {query.data && query.data.users.length === 0 && <p className="text-slate-600">{t("none")}</p>}
      {query.data && query.data.users.length > 0 && (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("email")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("role")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("status")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("created")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("actions")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {query.data.users.map((user) => (
                <UserRow key={user.id} user={user} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={t("pages")} className="flex items-center gap-3 text-sm">
          <button type="button" onClick={() => setPage((p) => p - 1)} disabled={page <= 1} className={buttonClass.secondary}>
            {t("previous")}
          </button>
          <span className="text-slate-700">{t("page", { page, pages })}</span>
          <button type="button" onClick={() => setPage((p) => p + 1)} disabled={page >= pages} className={buttonClass.secondary}>
            {t("next")}
          </button>
        </nav>
      )}
    </section>
  );
}

function UserRow({ user }: { user: AdminUser }) {
  const t = useTranslations("users");
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const self = session?.user.id === user.id;
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
  const change = useMutation({
    mutationFn: (body: { role?: "USER" | "ADMIN"; disabled?: boolean }) => updateUser(user.id, body),
    onSuccess: () => {
      setNotice(null);
      return refresh();
    },
  });
  const signOut = useMutation({
    mutationFn: () => signOutUser(user.id),
    onSuccess: () => setNotice(t("signedOut")),
  });
  const busy = change.isPending || signOut.isPending;
  const error = change.error ?? signOut.error;
  const who = <span className="sr-only"> {user.email}</span>;

  return (
    <tr>
      <td className="px-3 py-2">
        <span className="font-medium text-slate-900">{user.email}</span>
        {user.name && <span className="block text-slate-600">{user.name}</span>}
        {self && <span className="block text-xs text-slate-600">{t("you")}</span>}
      </td>
      <td className="px-3 py-2">{user.role === "ADMIN" ? t("admin") : t("user")}</td>
      <td className="px-3 py-2">
        {user.disabled ? (
          <span className="font-medium text-red-700">{t("disabled")}</span>
        ) : (
          <span className="text-slate-700">{t("active")}</span>
        )}
      </td>
      <td className="px-3 py-2 whitespace-nowrap text-slate-700">
        <LocalTime iso={user.createdAt} />
      </td>
      <td className="px-3 py-2">
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            disabled={busy || (self && user.role === "ADMIN")}
            onClick={() => change.mutate({ role: user.role === "ADMIN" ? "USER" : "ADMIN" })}
            className={buttonClass.secondary}
          >
            {user.role === "ADMIN" ? t("makeUser") : t("makeAdmin")}
            {who}
          </button>
          <button
            type="button"
            disabled={busy || (self && !user.disabled)}
            onClick={() => change.mutate({ disabled: !user.disabled })}
            className={user.disabled ? buttonClass.secondary : buttonClass.danger}
          >
            {user.disabled ? t("enable") : t("disable")}
            {who}
          </button>
          <button type="button" disabled={busy} onClick={() => signOut.mutate()} className={buttonClass.secondary}>
            {t("signOutEverywhere")}
            {who}
          </button>
        </div>
        {error && (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {error.message}
          </p>
        )}
        {notice && !error && (
          <p role="status" className="mt-1 text-sm text-slate-700">
            {notice}
          </p>
        )}
      </td>
    </tr>
  );
}
