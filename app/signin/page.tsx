import { SignInForm } from "@/components/signin-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signInErrorMessage } from "@/lib/auth/signin-error";
import { signInFormToken } from "@/lib/auth/signin-form-token";

export const metadata = { title: "Sign in · Coupon Drop" };

type SearchParams = Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl: rawCallbackUrl, error } = await searchParams;
  const callbackUrl = safeCallbackUrl(rawCallbackUrl);
  // A failed sign-in posted without JavaScript comes back here with next-auth's error code.
  const initialError = typeof error === "string" && error ? signInErrorMessage(error) : null;
  return (
    <main className="mx-auto max-w-sm space-y-6 px-4 py-8">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <SignInForm callbackUrl={callbackUrl} csrfToken={await signInFormToken()} initialError={initialError} />
    </main>
  );
}
