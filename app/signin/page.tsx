import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/signin-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signInError } from "@/lib/auth/signin-error";
import { signInFormToken } from "@/lib/auth/signin-form-token";

export async function generateMetadata() {
  const [meta, t] = await Promise.all([getTranslations("meta"), getTranslations("signin")]);
  return { title: meta("pageTitle", { page: t("title") }) };
}

type SearchParams = Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl: rawCallbackUrl, error } = await searchParams;
  const callbackUrl = safeCallbackUrl(rawCallbackUrl);
  // A failed sign-in posted without JavaScript comes back here with next-auth's error code.
  const t = await getTranslations("signin");
  const found = typeof error === "string" && error ? signInError(error) : null;
  const initialError = found ? t(found.key, "minutes" in found ? { minutes: found.minutes } : {}) : null;
  return (
    <main className="mx-auto max-w-sm space-y-6 px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <SignInForm callbackUrl={callbackUrl} csrfToken={await signInFormToken()} initialError={initialError} />
    </main>
  );
}
