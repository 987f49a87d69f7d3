import { useTranslations } from "next-intl";
import { useTimeValues } from "./zoned-time";

/** "Claimed Sat, Dec 12, 10:00 AM KST" / "12월 12일 (토) 오전 10:00 KST 발급". */
export function ClaimedAt({ iso, timeZone }: { iso: string; timeZone: string }) {
  const t = useTranslations("coupons");
  return t.rich("claimed", useTimeValues()(iso, timeZone));
}
