// Fair start in the browser, against the production server: enter the draw, wait for T0, see
// the result, and check the draw from what the page shows.
import { createHash, createHmac, randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { adminRequest, signUpAndSignIn } from "./helpers";

test("enter the draw during the window, wait for T0, see the result and check it", async ({ page, baseURL }) => {
  const me = await signUpAndSignIn(page.request); // the page's own cookie jar
  const admin = await adminRequest(baseURL!);
  const startsAt = new Date(Date.now() + 14_000);
  const created = await admin.post("/api/admin/promotions", {
    data: {
      title: `Fair drop ${randomBytes(3).toString("hex")}`,
      totalStock: 1,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      discount: { type: "PERCENT", value: 30 },
      published: true,
      fairStart: { windowSeconds: 10 },
    },
  });
  expect(created.status()).toBe(201);
  const promotion = (await created.json()).promotion as { id: string; slug: string };
  await admin.dispose();

  // Someone else enters too, through the API.
  const other = await playwrightRequest.newContext({ baseURL });
  const otherUser = await signUpAndSignIn(other);

  await page.goto(`/p/${promotion.slug}`);
  const enter = page.getByRole("button", { name: /Enter the draw|Entries open in/ });
  await expect(enter).toBeVisible();
  await expect(page.getByRole("button", { name: "Enter the draw" })).toBeEnabled({ timeout: 15_000 });
  await expect.poll(async () => (await other.post(`/api/promotions/${promotion.id}/entry`)).status()).toBe(202);
  await page.getByRole("button", { name: "Enter the draw" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText("You're in. The draw is at");
  await expect(status).toContainText("entering early or late makes no difference");
  await expect(page.getByText("2 entrants so far")).toBeVisible({ timeout: 10_000 });

  // T0: the draw runs by itself; the page shows the result without a reload.
  await expect(status).toContainText(/You won|Not this time/, { timeout: 20_000 });
  const { entry } = await (await page.request.get(`/api/promotions/${promotion.id}/entry`)).json();
  if (entry.status === "WON") {
    await expect(page.getByTestId("coupon-code")).toHaveText(entry.claim.couponCode);
  } else {
    expect(entry.status).toBe("LOST");
    await expect(status).toContainText(`Not this time: you drew #${entry.position} of 2 for 1 coupon`);
  }

  // How to check the draw: the revealed seed hashes to the commitment, and recomputes the tickets.
  await page.getByText("How to check the draw").click();
  const { promotion: shown } = await (await page.request.get(`/api/promotions/${promotion.id}`)).json();
  const { seed, seedSha256 } = shown.fairStart;
  await expect(page.getByText(seed)).toBeVisible();
  await expect(page.getByText(seedSha256)).toBeVisible();
  expect(createHash("sha256").update(Buffer.from(seed, "hex")).digest("hex")).toBe(seedSha256);
  const ticket = (id: string) => createHmac("sha256", Buffer.from(seed, "hex")).update(id).digest("hex");
  expect(entry.ticket).toBe(ticket(me.id));
  expect(entry.status === "WON").toBe(ticket(me.id) < ticket(otherUser.id));
  await other.dispose();
});
