"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { authHref } from "./callback-url";
import { Field, submitClass } from "./field";

type FieldErrors = { email?: string[]; password?: string[]; name?: string[] };

/** Creates the account, signs in with it, and goes back to `callbackUrl`. Errors come from the server. */
export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "").trim();
    setPending(true);
    setFields({});
    setError(null);

    const res = await fetch("/api/auth/signup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password, ...(name ? { name } : {}) }),
    }).catch(() => null);
    if (res?.status !== 201) {
      const body = await res?.json().catch(() => null);
      setPending(false);
      if (body?.error === "EMAIL_TAKEN") setFields({ email: [body.message] });
      else if (body?.error === "INVALID_INPUT" && body.fields) setFields(body.fields);
      else setError(body?.message ?? "Could not create the account. Please try again.");
      return;
    }

    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error) {
      // The account exists; only the automatic sign-in failed.
      router.replace(authHref("/signin", callbackUrl));
      return;
    }
    router.replace(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <Field label="Name" name="name" autoComplete="name" error={fields.name?.[0]} />
      <Field label="Email" name="email" type="email" autoComplete="email" required error={fields.email?.[0]} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="8 to 72 characters."
        error={fields.password?.[0]}
      />
      <p role="alert" className="text-sm font-medium text-red-700 empty:hidden">
        {error}
      </p>
      <button type="submit" disabled={pending} className={submitClass}>
        {pending ? "Creating account…" : "Create account"}
      </button>
      <p className="text-sm text-slate-600">
        Already have an account?{" "}
        <Link href={authHref("/signin", callbackUrl)} className="font-medium text-slate-900 underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
