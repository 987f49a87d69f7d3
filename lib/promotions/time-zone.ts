// Time zones are checked by the runtime's own IANA database (Intl), in the server and in the
// admin form alike, so no zone list is kept by hand.

/** The canonical spelling of an IANA zone ("asia/seoul" -> "Asia/Seoul"), or null when Intl does not know it. */
export function canonicalTimeZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
