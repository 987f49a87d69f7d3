import "server-only";
import type { FormDefaults } from "@/components/admin/form-values";
import { env } from "@/lib/env";

/**
 * What the promotion form needs from the server: the IANA zones this runtime knows (one list for
 * the server render and the browser's, so they agree) and the defaults for a new promotion.
 */
export function formDefaults(): { timeZones: string[]; defaults: FormDefaults } {
  return {
    timeZones: Intl.supportedValuesOf("timeZone"),
    defaults: { currency: env.DEFAULT_CURRENCY, timeZone: env.DEFAULT_TIME_ZONE },
  };
}
