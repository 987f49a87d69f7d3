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
  // The one solve in progress or done, started by this hook only: two verify() calls at once abort
  // each other inside the widget ("Failed to find solution", seen as a flaky e2e sign-up), so
  // nothing else starts one (no auto="onload").
  const solving = useRef<Promise<string | undefined> | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const element = widget.current;
    if (!element) return;
    let live = true;
    const start = () => {
      solving.current = solve(element);
    };
    // The web component touches window and spawns workers: load it in the browser only.
    void import("altcha")
      .then(() => customElements.whenDefined("altcha-widget"))
      .then(() => {
        if (live && !solving.current) start();
      });
    // A solution that expired before it was used is replaced by a fresh one.
    const onExpired = () => {
      element.reset();
      start();
    };
    element.addEventListener("expired", onExpired);
    return () => {
      live = false;
      element.removeEventListener("expired", onExpired);
    };
  }, [enabled]);

  const take = useCallback(async (): Promise<string | undefined> => {
    const element = widget.current;
    if (!enabled || !element) return undefined;
    await customElements.whenDefined("altcha-widget");
    // A press before the widget's first solve started starts it here, as the one in progress, so
    // the effect above, finding it, does not start a second one beside it (both then fail: seen
    // in a CI trace, two challenges fetched 4 ms apart and a sign-up sent without a solution).
    solving.current ??= solve(element);
    let payload = await solving.current;
    // A solver that failed once (a busy phone, a worker that did not start) gets one more go from
    // a fresh challenge before the person is told to try again.
    if (!payload) {
      element.reset();
      payload = await (solving.current = solve(element));
    }
    // The next submission (after a fix to the form) needs a fresh solution: start it now.
    element.reset();
    solving.current = solve(element);
    return payload;
  }, [enabled]);

  // Invisible and out of the layout: it only runs the solver and holds the payload.
  const element = enabled ? (
    <div hidden>
      <altcha-widget
        ref={widget}
        challenge="/api/auth/challenge"
        display="invisible"
        name="altcha"
        configuration={JSON.stringify({ hideLogo: true, hideFooter: true })}
      />
    </div>
  ) : null;
  return { element, take };
}

/** One solve of a fresh challenge: the payload, or undefined when the solver failed. */
async function solve(element: Widget): Promise<string | undefined> {
  try {
    return (await element.verify())?.payload ?? undefined;
  } catch {
    return undefined;
  }
}
