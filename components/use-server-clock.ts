"use client";
import { useSyncExternalStore } from "react";

/** A clock that ticks every `tickMs`, read in whole ticks, so reads within one tick agree (useSyncExternalStore needs that). */
function tickingClock(tickMs: number) {
  return {
    subscribe: (onTick: () => void) => {
      const id = setInterval(onTick, tickMs);
      return () => clearInterval(id);
    },
    now: () => Math.floor(Date.now() / tickMs) * tickMs,
  };
}

const countdownClock = tickingClock(100);
const secondsClock = tickingClock(1000);
const noServerValue = () => null;

/**
 * The server's current time in ms, ticking: the browser clock plus the measured offset.
 * The server render and hydration use `serverTime` itself, so both render the same text.
 */
export function useServerClock(offsetMs: number, serverTime: string): number {
  const now = useSyncExternalStore<number | null>(countdownClock.subscribe, countdownClock.now, noServerValue);
  return now === null ? Date.parse(serverTime) : now + offsetMs;
}

/** The browser's clock in ms, ticking each second; null during the server render and hydration. */
export function useBrowserClock(): number | null {
  return useSyncExternalStore<number | null>(secondsClock.subscribe, secondsClock.now, noServerValue);
}

const noSubscription = () => () => {};

/** False during the server render and hydration, true afterwards. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
