import { useTranslations } from "next-intl";
import { useTimeValues } from "./zoned-time";

/**
 * Until when a claimed coupon can be used, in its promotion's zone; "Expired" (만료됨) once
 * `now` is past its expiresAt (fixed when it was claimed). `now` comes from the page's request.
 */
export function CouponExpiry({ expiresAt, timeZone, now }: { expiresAt: string | null; timeZone: string; now: number }) {
  const t = useTranslations("coupon");
  const timeValues = useTimeValues();
  if (expiresAt === null) return <p className="text-sm text-slate-600">{t("noExpiry")}</p>;
  const time = timeValues(expiresAt, timeZone);
  if (Date.parse(expiresAt) <= now) {
    return (
      <p className="text-sm text-slate-600" data-testid="coupon-expiry">
        <span className="mr-2 rounded-full bg-slate-200 px-2.5 py-0.5 text-xs font-semibold text-slate-700">{t("expired")}</span>
        {t.rich("expiredOn", time)}
      </p>
    );
  }
  return (
    <p className="text-sm text-slate-700" data-testid="coupon-expiry">
      {t.rich("expires", time)}
    </p>
  );
}
