// DEFAULT_CURRENCY and DEFAULT_TIME_ZONE: what a promotion created without `currency` or
// `timeZone` gets. Set (hoisted above the imports) before lib/env.ts is first imported; each
// test file has a process of its own.
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as adminPromotions from "@/app/api/admin/promotions/route";
import { getDb } from "@/lib/db";
import { call, createUsers, sessionCookie } from "@/tests/support/fixtures";

vi.hoisted(() => {
  process.env.DEFAULT_CURRENCY = "KRW";
  process.env.DEFAULT_TIME_ZONE = "Europe/Berlin";
});

const body = (extra: object = {}) => ({
  title: "Default terms",
  totalStock: 1,
  startsAt: new Date(Date.now() + 60_000).toISOString(),
  endsAt: new Date(Date.now() + 3_600_000).toISOString(),
  ...extra,
});

let adminCookie: string;

beforeAll(async () => {
  const [admin] = await createUsers(getDb(), 1, "ADMIN", "admin");
  adminCookie = await sessionCookie(admin);
});

const create = (extra: object) => call(adminPromotions.POST, { method: "POST", cookie: adminCookie, body: body(extra) });

describe("the environment's default currency and time zone", () => {
  it("apply when the body leaves them out, and the currency's bounds with them", async () => {
    const won = await create({ discount: { type: "AMOUNT", value: 5_000 } });
    expect(won.status).toBe(201);
    expect(won.json.promotion).toMatchObject({
      currency: "KRW",
      timeZone: "Europe/Berlin",
      discount: { type: "AMOUNT", value: 5_000 },
    });
    // ₩2,000,000 is within KRW's bound, though 2,000,000 "cents" would not be within USD's.
    expect((await create({ discount: { type: "AMOUNT", value: 2_000_000 } })).json.promotion.currency).toBe("KRW");
    const over = await create({ discount: { type: "AMOUNT", value: 10_000_001 } });
    expect(over.status).toBe(400);
    expect(over.json.error).toBe("INVALID_INPUT");
  });

  it("give way to the body's own", async () => {
    const res = await create({ discount: { type: "PERCENT", value: 5 }, currency: "USD", timeZone: "Asia/Tokyo" });
    expect(res.json.promotion).toMatchObject({ currency: "USD", timeZone: "Asia/Tokyo" });
  });
});
