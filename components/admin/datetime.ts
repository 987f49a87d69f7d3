"use client";
import { formatInTimeZone, fromZonedTime } from "date-fns-tz";
import { useSyncExternalStore } from "react";

/**
 * An ISO instant as a `datetime-local` value ("2026-05-01T09:30:00") in the promotion's zone.
 * Never the browser's zone: a marketer in Seoul and a colleague in Berlin see the same times.
 */
export function toZonedInput(iso: string, timeZone: string): string {
  return formatInTimeZone(iso, timeZone, "yyyy-MM-dd'T'HH:mm:ss");
}

/**
 * A `datetime-local` value, read as a wall-clock time in the promotion's zone, as an ISO UTC
 * instant; empty stays undefined and a value that is no time stays as is, for the schema to judge.
 */
export function fromZonedInput(value: string, timeZone: string): string | undefined {
  if (!value) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return value;
  const date = fromZonedTime(value, timeZone);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The browser's IANA time zone, for the "in your zone" preview; null during the server render. */
export function useTimeZone(): string | null {
  return useSyncExternalStore(noSubscription, browserZone, () => null);
}
