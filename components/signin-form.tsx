"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { authHref, safeCallbackUrl } from "@/lib/auth/callback-url";
import { SIGN_IN_UNAVAILABLE, signInError } from "@/lib/auth/signin-error";
import { Field, submitClass } from "./field";
import { formText } from "./form-text";

/** next-auth's credentials callback: the form's action when the browser posts it itself. */
const CREDENTIALS_CALLBACK = "/api/auth/callback/credentials";

// A server busy hashing other people's passwords answers 503 (lib/auth/hash-slots.ts): the form
// tries again by itself, a little later each time (with jitter, so a crowd does not come back in
// step), and says so; after the last try the person decides.
const BUSY_RETRIES = 3;
const busyDelayMs = (retry: number) => 1_000 * 2 ** retry + Math.floor(Math.random() * 500);

interface SignInFormProps {
  /** Where to go after signing in: already checked to be a local path. */
  callbackUrl: string;
  /** next-auth's CSRF token (its cookie is set with the page), for a post without JavaScript. */
  csrfToken: string | null;
  /** The message for the failure the page was sent back with (`/signin?error=<code>`). */
  initialError?: string | null;
}

/**
 * Email and password sign-in; on success, back to `callbackUrl`. Once hydrated it signs in
 * through next-auth's client. Before that (a slow phone) or without JavaScript, the browser posts
 * the form itself to next-auth's credentials callback, with its CSRF token: never a GET, so the
 * password never reaches a URL, and failures come back as /signin?error=<code>.
 */
export function SignInForm({ callbackUrl, csrfToken, initialError = null }: SignInFormProps) {
  const t = useTranslations("signin");
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  // "Busy, trying again in N s": the status while an automatic retry waits.
  const [retryNote, setRetryNote] = useState<string | null>(null);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(retryTimer.current), []);

  async function attempt(credentials: { email: string; password: string }, retry: number) {
    const result = await signIn("credentials", { ...credentials, redirect: false });
    if (result?.error === SIGN_IN_UNAVAILABLE && retry < BUSY_RETRIES) {
      const delayMs = busyDelayMs(retry);
      setRetryNote(t("busyRetry", { seconds: Math.ceil(delayMs / 1_000) }));
      retryTimer.current = setTimeout(() => void attempt(credentials, retry + 1), delayMs);
      return;
    }
    setRetryNote(null);
    if (!result || result.error) {
      setPending(false);
      const found = signInError(result?.error);
      setError(t(found.key, "minutes" in found ? { minutes: found.minutes } : {}));
      return;
    }
    // Checked again here against the page's real origin: the prop is already a local path, this keeps it one.
    router.replace(safeCallbackUrl(callbackUrl, window.location.origin));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // One sign-in at a time: the button stays disabled through the automatic retries.
    if (pending) return;
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    void attempt({ email: formText(form, "email"), password: formText(form, "password") }, 0);
  }

  return (
    <form method="post" action={CREDENTIALS_CALLBACK} onSubmit={onSubmit} className="space-y-4">
      <input type="hidden" name="csrfToken" value={csrfToken ?? ""} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label={t("email")} name="email" type="email" autoComplete="email" required />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required />
      <p role="alert" className="text-sm font-medium text-red-700 empty:hidden">
        {error}
      </p>
      <p role="status" className="text-sm text-slate-700 empty:hidden">
        {retryNote}
      </p>
      <button type="submit" disabled={pending} className={submitClass}>
        {pending ? t("submitting") : t("submit")}
      </button>
      <p className="text-sm text-slate-600">
        {t("noAccount")}{" "}
        <Link href={authHref("/signup", callbackUrl)} className="font-medium text-slate-900 underline">
          {t("signUp")}
        </Link>
      </p>
    </form>
  );
}
