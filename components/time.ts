// Pure time formatting, shared by server and client components.

/**
 * Time left as `HH:MM:SS`, or `Dd HH:MM:SS` from one day on (`withDays` puts the days in the
 * viewer's language). Rounds up: it reads 00:00:00 only at the start.
 */
export function formatCountdown(ms: number, withDays = (days: number, hms: string) => `${days}d ${hms}`): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hms = [Math.floor(total / 3600) % 24, Math.floor(total / 60) % 60, total % 60]
    .map((n) => String(n).padStart(2, "0"))
    .join(":");
  return days > 0 ? withDays(days, hms) : hms;
}
