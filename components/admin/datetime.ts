"use client";
import { useSyncExternalStore } from "react";

const pad = (n: number) => String(n).padStart(2, "0");

/** An ISO instant as a `datetime-local` value ("2026-05-01T09:30:00") in the browser's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${date}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A `datetime-local` value (browser time zone) as an ISO UTC instant; empty stays undefined for the schema to judge. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value); // no offset in the string: read as local time
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The browser's IANA time zone; null during the server render, whose zone is not the marketer's. */
export function useTimeZone(): string | null {
  return useSyncExternalStore(noSubscription, browserZone, () => null);
}
