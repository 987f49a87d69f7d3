/** A promotion's claims per second, from how its claimed count moved (samples taken by each refresh). */
export const RATE_WINDOW_MS = 1_000;

/**
 * claims/s = claimed now - claimed at the last sample at least RATE_WINDOW_MS old (or the first
 * sample, when the promotion was first seen less than a window ago), per window. The hub looks
 * again a window after every non-zero rate, so samples are never much older than a window while
 * claims flow, and the rate falls back to 0 when they stop.
 */
export class ClaimRates {
  private readonly samples = new Map<string, { at: number; claimed: number }[]>();

  rate(id: string, at: number, claimed: number): number {
    const list = this.samples.get(id) ?? [];
    list.push({ at, claimed });
    // Keep the newest sample older than the window, and everything after it.
    let base = 0;
    for (let i = 0; i < list.length - 1; i++) if (list[i].at <= at - RATE_WINDOW_MS) base = i;
    const kept = list.slice(base);
    this.samples.set(id, kept);
    const delta = claimed - kept[0].claimed; // a FAILED claim lowers claimed: never a negative rate
    return Math.max(0, Math.round((delta * 1_000) / RATE_WINDOW_MS));
  }

  forget(id: string): void {
    this.samples.delete(id);
  }
}
