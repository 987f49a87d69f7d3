"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut, useSession } from "next-auth/react";
import { useTranslations } from "next-intl";
import { authHref } from "@/lib/auth/callback-url";

const linkClass = "rounded-md px-2 py-1.5 font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900";

/** Sign in (back to this page afterwards) or the signed-in email and sign out. */
export function AuthNav() {
  const t = useTranslations("nav");
  const { data: session, status } = useSession();
  const pathname = usePathname();
  if (status === "loading") return <span className="w-16" aria-hidden="true" />;
  if (!session) {
    const onAuthPage = pathname === "/signin" || pathname === "/signup";
    return (
      <Link href={onAuthPage ? "/signin" : authHref("/signin", pathname)} className={linkClass}>
        {t("signIn")}
      </Link>
    );
  }
  return (
    <>
      <span className="hidden max-w-48 truncate text-slate-500 sm:inline">{session.user.email}</span>
      <button type="button" onClick={() => signOut({ callbackUrl: "/" })} className={linkClass}>
        {t("signOut")}
      </button>
    </>
  );
}
