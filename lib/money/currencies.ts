// The currencies a promotion may be in (ISO 4217), with the decimal places of each. Every amount
// the API takes or gives is an integer in the currency's minor units: ₩5,000 is 5000 (KRW has no
// minor unit), $12.50 is 1250. Plain data with no server imports, so the admin form can use it.

export interface Currency {
  /** Decimal places of the minor unit (ISO 4217): 0 for KRW and JPY, 2 for USD and EUR. */
  minorDigits: number;
  /**
   * The largest discount amount, cap or minimum order a promotion may state, in minor units:
   * about ten thousand US dollars' worth, rounded to a figure a marketer of that currency knows.
   */
  maxAmount: number;
}

export const CURRENCIES = {
  KRW: { minorDigits: 0, maxAmount: 10_000_000 }, // ₩10,000,000
  JPY: { minorDigits: 0, maxAmount: 1_000_000 }, // ¥1,000,000
  USD: { minorDigits: 2, maxAmount: 1_000_000 }, // $10,000.00
  EUR: { minorDigits: 2, maxAmount: 1_000_000 }, // €10,000.00
  GBP: { minorDigits: 2, maxAmount: 1_000_000 }, // £10,000.00
} as const satisfies Record<string, Currency>;

export type CurrencyCode = keyof typeof CURRENCIES;

export const CURRENCY_CODES = Object.keys(CURRENCIES) as [CurrencyCode, ...CurrencyCode[]];

export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.hasOwn(CURRENCIES, code);
}

/**
 * The largest minimum order a promotion may state: ten times the discount bound (an order is
 * larger than what a coupon takes off it), ₩100,000,000 or $100,000.00.
 */
export const maxOrderAmount = (code: CurrencyCode): number => CURRENCIES[code].maxAmount * 10;

/** The bounds over every currency: what an amount may be before its currency is known. */
export const LARGEST_AMOUNT = Math.max(...Object.values(CURRENCIES).map((c) => c.maxAmount));
export const LARGEST_ORDER_AMOUNT = LARGEST_AMOUNT * 10;
