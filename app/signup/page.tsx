import { getTranslations } from "next-intl/server";
import { JavascriptRequiredNotice } from "@/components/javascript-required-notice";
import { SignUpForm } from "@/components/signup-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { env } from "@/lib/env";

export async function generateMetadata() {
  const [meta, t] = await Promise.all([getTranslations("meta"), getTranslations("signup")]);
  return { title: meta("pageTitle", { page: t("title") }) };
}

type SearchParams = Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl: rawCallbackUrl, error } = await searchParams;
  const callbackUrl = safeCallbackUrl(rawCallbackUrl);
  const [t, why] = await Promise.all([getTranslations("signup"), getTranslations("jsRequired")]);
  return (
    <main className="mx-auto max-w-sm space-y-6 px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <JavascriptRequiredNotice error={error} why="signUp" />
      <noscript>
        <p className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          {t("noscript", { why: why("signUp") })}
        </p>
      </noscript>
      <SignUpForm callbackUrl={callbackUrl} challenge={env.SIGNUP_CHALLENGE === "on"} />
    </main>
  );
}
