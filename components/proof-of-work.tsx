"use client";
import type {} from "altcha/types/react";
import { useCallback, useEffect, useRef } from "react";

type Widget = HTMLElementTagNameMap["altcha-widget"];

/**
 * The sign-up form's proof of work: the self-hosted ALTCHA widget, invisible, solving a challenge
 * from GET /api/auth/challenge as soon as the form loads, so it is done while the person types.
 * `take()` gives the solved payload for one submission (waiting for the solver if it is still
 * at work) and starts on a fresh challenge for the next: the server accepts each solution once.
 * Render `element` outside the <form>: ALTCHA ties itself to its enclosing form otherwise.
 */
export function useProofOfWork(enabled: boolean) {
  const widget = useRef<Widget>(null);
  const ready = useRef<string | null>(null);

  useEffect(() => {
    if (!enabled) return;
    // The web component touches window and spawns workers: load it in the browser only.
    void import("altcha");
    const element = widget.current;
    if (!element) return;
    const onVerified = (event: Event) => {
      ready.current = (event as CustomEvent<{ payload?: string }>).detail?.payload ?? null;
    };
    const onExpired = () => {
      ready.current = null;
      void element.verify?.();
    };
    element.addEventListener("verified", onVerified);
    element.addEventListener("expired", onExpired);
    return () => {
      element.removeEventListener("verified", onVerified);
      element.removeEventListener("expired", onExpired);
    };
  }, [enabled]);

  const take = useCallback(async (): Promise<string | undefined> => {
    const element = widget.current;
    if (!enabled || !element) return undefined;
    await customElements.whenDefined("altcha-widget");
    const solve = async () => (await element.verify())?.payload ?? undefined;
    // A solver that failed once (a busy phone, a worker that did not start) gets one more go from
    // a fresh challenge before the person is told to try again.
    const solveAgain = () => {
      element.reset();
      return solve();
    };
    const payload = ready.current ?? (await solve().catch(solveAgain));
    ready.current = null;
    // The next submission (after a fix to the form) needs a fresh solution.
    element.reset();
    void element.verify().then((result) => {
      if (result?.payload) ready.current = result.payload;
    });
    return payload;
  }, [enabled]);

  // Invisible and out of the layout: it only runs the solver and holds the payload.
  const element = enabled ? (
    <div hidden>
      <altcha-widget
        ref={widget}
        challenge="/api/auth/challenge"
        auto="onload"
        display="invisible"
        name="altcha"
        configuration={JSON.stringify({ hideLogo: true, hideFooter: true })}
      />
    </div>
  ) : null;
  return { element, take };
}
