// How far the server's clock is ahead of the browser's, measured NTP-style from answers that
// carry the server's time. Pure: the caller measures, this module only reasons.
//
// One answer bounds the offset. The server (or, for a cached copy, the CDN serving it) read its
// clock at some browser instant t between sending and receiving; a cached copy was `age` old then.
// So the server's clock at t was serverTime + age, and
//   offset = serverTime + age - t,  with  sentAt <= t <= receivedAt,
//   serverTime + age - receivedAt  <=  offset  <=  serverTime + age - receivedAt + rtt.
// The estimate is the lower bound, not NTP's midpoint (+ rtt/2): a countdown must never open
// early, and the lower bound can only make it open late, by at most the answer's uncertainty.
// Age counts whole seconds, rounded down (as caches compute it from the time they stored the copy),
// so it keeps the lower bound valid and widens the upper one by up to a second.

export interface ClockSample {
  /** The server's clock when it made the answer, in ms since the epoch. */
  serverTime: number;
  /** The answer's HTTP Age in ms, when a cache (the CDN) served it; null when there was none. */
  ageMs: number | null;
  /** The browser's clock (Date.now()) when the answer had arrived. */
  receivedAt: number;
  /** Round trip in ms, measured with performance.now(), which no clock setting moves. */
  rttMs: number;
}

export interface ClockOffset {
  /** Server clock minus browser clock, in ms: never more than the true offset. */
  offsetMs: number;
  /** The true offset lies within [offsetMs, offsetMs + uncertaintyMs]. */
  uncertaintyMs: number;
}

const AGE_RESOLUTION_MS = 1000;

/** The HTTP Age header (whole seconds) in ms; null when absent or unreadable. */
export function parseAge(header: string | null): number | null {
  const value = header?.trim();
  if (!value || !/^\d+$/.test(value)) return null;
  return Number(value) * 1000;
}

/** What one answer says about the offset. */
export function offsetFrom({ serverTime, ageMs, receivedAt, rttMs }: ClockSample): ClockOffset {
  return {
    offsetMs: serverTime + (ageMs ?? 0) - receivedAt,
    uncertaintyMs: Math.max(rttMs, 0) + (ageMs === null ? 0 : AGE_RESOLUTION_MS),
  };
}

/**
 * The offset to keep after one more measurement: the one with the smallest uncertainty, which is
 * the smallest round trip (plus a second for a cached copy's Age). A slow answer is therefore
 * never taken over a faster one and cannot shift the countdown. Only when the two cannot both be
 * true (their ranges do not meet) does the newer win: a clock was set in between, which leaves
 * the older measurement meaningless.
 */
export function betterOffset(kept: ClockOffset | null, next: ClockOffset): ClockOffset {
  if (!kept) return next;
  const disjoint = next.offsetMs > kept.offsetMs + kept.uncertaintyMs || kept.offsetMs > next.offsetMs + next.uncertaintyMs;
  if (disjoint) return next;
  return next.uncertaintyMs <= kept.uncertaintyMs ? next : kept;
}
