import { SignInForm } from "@/components/signin-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

export const metadata = { title: "Sign in · Coupon Drop" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  return (
    <main className="mx-auto max-w-sm space-y-6 px-4 py-8">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <SignInForm callbackUrl={callbackUrl} />
    </main>
  );
}
