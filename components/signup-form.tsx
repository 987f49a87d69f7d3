"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { authHref, safeCallbackUrl } from "@/lib/auth/callback-url";
import { createAccount } from "./api";
import { Field, submitClass } from "./field";
import { formText } from "./form-text";
import { ApiFailure, type FieldErrors } from "./http";
import { javascriptRequiredAction } from "./javascript-required";
import { useProofOfWork } from "./proof-of-work";

/**
 * Creates the account, signs in with it, and goes back to `callbackUrl`. Errors come from the
 * server. It needs JavaScript (the proof of work): posted by the browser itself, before hydration
 * or with JavaScript off, it goes to an endpoint that reads nothing and sends the browser back
 * here with a notice, never the default GET that would put the password in the URL.
 */
export function SignUpForm({ callbackUrl, challenge }: { callbackUrl: string; challenge: boolean }) {
  const t = useTranslations("signup");
  const router = useRouter();
  const proofOfWork = useProofOfWork(challenge);
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = formText(form, "email");
    const password = formText(form, "password");
    const name = formText(form, "name").trim();
    setPending(true);
    setFields({});
    setError(null);

    try {
      const altcha = await proofOfWork.take();
      await createAccount({ email, password, ...(name ? { name } : {}), ...(altcha ? { altcha } : {}) });
    } catch (failure) {
      setPending(false);
      if (!(failure instanceof ApiFailure)) setError(t("failed"));
      else if (failure.code === "EMAIL_TAKEN") setFields({ email: [failure.message] });
      else if (failure.code === "INVALID_INPUT" && Object.keys(failure.fields).length > 0) setFields(failure.fields);
      else setError(failure.message);
      return;
    }

    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error) {
      // The account exists; only the automatic sign-in failed.
      router.replace(authHref("/signin", callbackUrl));
      return;
    }
    // Checked again here against the page's real origin: the prop is already a local path, this keeps it one.
    router.replace(safeCallbackUrl(callbackUrl, window.location.origin));
  }

  return (
    <>
      {/* Outside the form: while solving, the widget marks its own checkbox required, which would
          make the browser refuse a quick submit. The payload is taken from it directly. */}
      {proofOfWork.element}
      <form
        method="post"
        action={javascriptRequiredAction(authHref("/signup", callbackUrl))}
        onSubmit={onSubmit}
        className="space-y-4"
      >
        <Field label={t("name")} name="name" autoComplete="name" error={fields.name?.[0]} />
        <Field label={t("email")} name="email" type="email" autoComplete="email" required error={fields.email?.[0]} />
        <Field
          label={t("password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t("passwordHint")}
          error={fields.password?.[0]}
        />
        <p role="alert" className="text-sm font-medium text-red-700 empty:hidden">
          {error}
        </p>
        <button type="submit" disabled={pending} className={submitClass}>
          {pending ? t("submitting") : t("submit")}
        </button>
        <p className="text-sm text-slate-600">
          {t("haveAccount")}{" "}
          <Link href={authHref("/signin", callbackUrl)} className="font-medium text-slate-900 underline">
            {t("signIn")}
          </Link>
        </p>
      </form>
    </>
  );
}
