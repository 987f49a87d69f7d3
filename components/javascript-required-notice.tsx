import { JAVASCRIPT_REQUIRED } from "./javascript-required";

/** What each such form's JavaScript does, as its notice says it. */
export const WHY_JAVASCRIPT = {
  signUp: "Creating an account first solves a small puzzle in your browser, which keeps automated sign-ups out.",
  promotion: "The promotion form checks what you typed and saves it from the page.",
};

/**
 * What a page says when its form was posted before its JavaScript ran (or with it off): nothing
 * was sent on, nothing typed was kept. Shown for ?error=javascript-required; `why` says what the
 * page's JavaScript does.
 */
export function JavascriptRequiredNotice({ error, why }: { error: unknown; why: string }) {
  if (error !== JAVASCRIPT_REQUIRED) return null;
  return (
    <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="font-semibold">This form needs JavaScript.</p>
      <p className="mt-1">
        {why} Nothing you typed was sent on or kept. Turn JavaScript on, or wait until the page has finished loading, and fill the
        form in again.
      </p>
    </div>
  );
}
