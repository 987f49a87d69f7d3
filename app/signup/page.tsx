import { JavascriptRequiredNotice, WHY_JAVASCRIPT } from "@/components/javascript-required-notice";
import { SignUpForm } from "@/components/signup-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { env } from "@/lib/env";

export const metadata = { title: "Sign up · Coupon Drop" };

type SearchParams = Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl: rawCallbackUrl, error } = await searchParams;
  const callbackUrl = safeCallbackUrl(rawCallbackUrl);
  return (
    <main className="mx-auto max-w-sm space-y-6 px-4 py-8">
      <h1 className="text-2xl font-bold">Create an account</h1>
      <JavascriptRequiredNotice error={error} why={WHY_JAVASCRIPT.signUp} />
      <noscript>
        <p className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          Creating an account needs JavaScript, which is off in this browser. {WHY_JAVASCRIPT.signUp}
        </p>
      </noscript>
      <SignUpForm callbackUrl={callbackUrl} challenge={env.SIGNUP_CHALLENGE === "on"} />
    </main>
  );
}
