import { CURRENCIES, type CurrencyCode } from "./currencies";

/**
 * An amount in minor units as Intl formats the price in `locale`: 5000 KRW is "₩5,000" and 1250
 * USD is "$12.50" in English. No server imports, so pages may use it too.
 */
export function formatMinorUnits(amount: number, currency: CurrencyCode, locale = "en"): string {
  const { minorDigits } = CURRENCIES[currency];
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: minorDigits,
    maximumFractionDigits: minorDigits,
  }).format(amount / 10 ** minorDigits);
}
