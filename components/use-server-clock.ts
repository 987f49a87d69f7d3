"use client";
import { useSyncExternalStore } from "react";

const TICK_MS = 100;

function subscribeToTicks(onTick: () => void) {
  const id = setInterval(onTick, TICK_MS);
  return () => clearInterval(id);
}

// Rounded to the tick, so consecutive reads within one tick agree (useSyncExternalStore needs that).
const clientNow = () => Math.floor(Date.now() / TICK_MS) * TICK_MS;
const noServerValue = () => null;

/**
 * The server's current time in ms, ticking: the browser clock plus the measured offset.
 * The server render and hydration use `serverTime` itself, so both render the same text.
 */
export function useServerClock(offsetMs: number, serverTime: string): number {
  const now = useSyncExternalStore<number | null>(subscribeToTicks, clientNow, noServerValue);
  return now === null ? Date.parse(serverTime) : now + offsetMs;
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
