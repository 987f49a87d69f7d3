// The promotion form's values as the API body: amounts in minor units of the chosen currency,
// times read in the promotion's zone whatever the machine's zone, terms as the API names them.
import { describe, expect, it } from "vitest";
import { fromZonedInput, toZonedInput } from "@/components/admin/datetime";
import { createBody, emptyValues, updateBodies, valuesOf, type FormValues } from "@/components/admin/form-values";

const base: FormValues = {
  ...emptyValues({ currency: "KRW", timeZone: "Asia/Seoul" }),
  title: "겨울 특가",
  totalStock: "100",
  startsAt: "2026-12-12T10:00:00",
  endsAt: "2026-12-13T10:00:00",
  discountType: "PERCENT",
  discountValue: "10",
  maxDiscount: "3,000",
  minOrder: "30000",
  validityKind: "days",
  validityDays: "7",
};

describe("promotion form body", () => {
  it("reads typed times in the promotion's zone and amounts in the currency's major units", () => {
    expect(createBody(base)).toMatchObject({
      startsAt: "2026-12-12T01:00:00.000Z",
      endsAt: "2026-12-13T01:00:00.000Z",
      currency: "KRW",
      discount: { type: "PERCENT", value: 10 },
      maxDiscountAmount: 3000,
      minOrderAmount: 30000,
      validity: { days: 7 },
      timeZone: "Asia/Seoul",
    });
  });

  it("takes dollars with cents, drops the cap of an amount discount and reads until in the zone", () => {
    const body = createBody({
      ...base,
      currency: "USD",
      timeZone: "America/New_York",
      discountType: "AMOUNT",
      discountValue: "12.50",
      minOrder: "",
      validityKind: "until",
      validUntil: "2026-12-31T23:59:00",
    });
    expect(body).toMatchObject({
      discount: { type: "AMOUNT", value: 1250 },
      maxDiscountAmount: null,
      minOrderAmount: null,
      validity: { until: "2027-01-01T04:59:00.000Z" },
      startsAt: "2026-12-12T15:00:00.000Z",
    });
  });

  it("sends an amount the currency cannot hold as NaN, for the schema to refuse", () => {
    expect(createBody({ ...base, minOrder: "100.5" }).minOrderAmount).toBeNaN();
  });

  it("round-trips a stored promotion through the inputs, and a PATCH sends only the changed terms", () => {
    expect(toZonedInput("2026-12-12T01:00:00.000Z", "Asia/Seoul")).toBe("2026-12-12T10:00:00");
    expect(fromZonedInput("2026-12-12T10:00:00", "Asia/Seoul")).toBe("2026-12-12T01:00:00.000Z");
    const stored = {
      ...createBody(base),
      id: "p1",
      slug: "winter",
      description: "",
      totalStock: 100,
      remaining: 100,
      status: "SCHEDULED",
      published: false,
      fairStart: null,
      discount: { type: "PERCENT", value: 10 },
      maxDiscountAmount: 3000,
      minOrderAmount: 30000,
      validity: { days: 7 },
    } as unknown as Parameters<typeof valuesOf>[0];
    const initial = valuesOf(stored);
    expect(initial).toMatchObject({ startsAt: "2026-12-12T10:00:00", maxDiscount: "3000", minOrder: "30000", validityDays: "7" });
    expect(updateBodies({ ...initial, minOrder: "50000" }, initial).changed).toEqual({ minOrderAmount: 50000 });
  });
});
