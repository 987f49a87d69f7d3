import { SignUpForm } from "@/components/signup-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { env } from "@/lib/env";

export const metadata = { title: "Sign up · Coupon Drop" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  return (
    <main className="mx-auto max-w-sm space-y-6 px-4 py-8">
      <h1 className="text-2xl font-bold">Create an account</h1>
      <SignUpForm callbackUrl={callbackUrl} challenge={env.SIGNUP_CHALLENGE === "on"} />
    </main>
  );
}
