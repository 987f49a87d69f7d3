// The marketer's admin area in the browser, against the production server.
import { randomBytes } from "node:crypto";
import { expect, request, test, type Page } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { adminRequest, createPromotion, signIn, signUpAndSignIn, zonedTime } from "./helpers";

// A marketer's browser far from the promotion's zone: the form reads typed times in the
// promotion's zone (Asia/Seoul, the default), never in the browser's (Asia/Kolkata) or the server's.
test.use({ viewport: { width: 1280, height: 800 }, timezoneId: "Asia/Kolkata" });

async function signInThroughForm(page: Page) {
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a marketer runs a drop: create, watch it live, pause, resume, export; a plain user gets 403", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  // Signed out: to sign-in and back.
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=\/admin$/);
  await signInThroughForm(page);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Promotions" })).toBeVisible();

  // Create, starting in about 10 s.
  await page.getByRole("main").getByRole("link", { name: "New promotion" }).click();
  const title = `Admin drop ${randomBytes(3).toString("hex")}`;
  await page.getByLabel("Title").fill(title);
  await expect(page.getByLabel("Slug")).toHaveValue(title.toLowerCase().replaceAll(" ", "-"));
  await page.getByLabel("Description").fill("Made in the admin form.");
  await page.getByLabel("Total stock").fill("5");
  await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Seoul");
  const start = zonedTime(10_000);
  await page.getByLabel("Starts at").fill(start.value);
  await page.getByLabel("Ends at").fill(zonedTime(3_600_000).value);
  // The zone is said, and the typed time previewed in UTC and in the viewer's own zone.
  await expect(page.getByLabel("Starts at")).toHaveAccessibleDescription(
    new RegExp(
      `^Time zone: Asia/Seoul \\(KST, UTC\\+9\\)\\. = ${start.iso.slice(0, 10)} ${start.iso.slice(11, 19)} UTC · in your zone: .* UTC\\+5:30$`,
    ),
  );
  await page.getByLabel("Discount type").selectOption("PERCENT");
  await page.getByLabel("Discount value").fill("20");
  await page.getByLabel("Published").check();
  const created = page.waitForResponse((res) => res.request().method() === "POST" && res.url().endsWith("/api/admin/promotions"));
  await page.getByRole("button", { name: "Create promotion" }).click();
  expect((await created).status()).toBe(201);
  const stored = (await (await created).json()).promotion;
  const id: string = stored.id;
  await expect(page).toHaveURL(new RegExp(`/admin/promotions/${id}$`));
  expect(stored).toMatchObject({
    title,
    totalStock: 5,
    published: true,
    startsAt: start.iso,
    discount: { type: "PERCENT", value: 20 },
  });

  // The dashboard, left open: everything below happens without a reload.
  await page.getByRole("link", { name: "Dashboard" }).click();
  const remaining = page.getByTestId(`remaining-${id}`);
  await expect(remaining).toHaveText("5");
  const row = page.getByRole("listitem").filter({ has: remaining });
  let loads = 0;
  page.on("load", () => loads++);

  // Someone else claims once the drop opens.
  const claimUrl = `/api/promotions/${id}/claim`;
  const winnerContext = await browser.newContext({ baseURL });
  const winner = await signUpAndSignIn(winnerContext.request);
  await expect.poll(async () => (await winnerContext.request.post(claimUrl)).status(), { timeout: 20_000 }).toBe(201);
  await expect(remaining).toHaveText("4", { timeout: 2_000 });

  // Pause from the UI: the next claim is refused.
  await row.getByRole("button", { name: "Pause" }).click();
  await expect(row.getByRole("button", { name: "Resume" })).toBeVisible();
  await expect(row.getByText("Paused", { exact: true })).toBeVisible();
  const lateContext = await browser.newContext({ baseURL });
  const late = await signUpAndSignIn(lateContext.request);
  const refused = await lateContext.request.post(claimUrl);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: "PAUSED" });

  // Resume: claims flow again.
  await row.getByRole("button", { name: "Resume" }).click();
  await expect(row.getByRole("button", { name: "Pause" })).toBeVisible();
  expect((await lateContext.request.post(claimUrl)).status()).toBe(201);
  await expect(remaining).toHaveText("3", { timeout: 2_000 });
  expect(loads).toBe(0);
  await expect(row.getByRole("img", { name: /Claims per second/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("admin-dashboard.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("admin-dashboard-375.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The export holds every winner.
  const csv = await page.request.get(`/api/admin/promotions/${id}/claims?format=csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text).toContain(winner.email);
  expect(text).toContain(late.email);

  // Detail: winners newest first, the CSV link, the audit trail; no delete with claims.
  await row.getByRole("link", { name: "Details" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  const winners = page.getByRole("region", { name: /Winners/ });
  await expect(winners.getByRole("row").nth(1)).toContainText(late.email);
  await expect(winners.getByRole("row").nth(2)).toContainText(winner.email);
  await expect(winners.getByRole("link", { name: "Download CSV" })).toHaveAttribute(
    "href",
    `/api/admin/promotions/${id}/claims?format=csv`,
  );
  const audit = page.getByRole("region", { name: "Audit log" });
  for (const action of ["created it", "paused it", "resumed it"]) {
    await expect(audit.getByRole("listitem").filter({ hasText: action })).toContainText(E2E_ADMIN.email);
  }
  await expect(page.getByRole("button", { name: "Delete" })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath("admin-detail.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("admin-detail-375.png"), fullPage: true });

  // A plain user is refused.
  const userPage = await winnerContext.newPage();
  await userPage.goto("/admin");
  await expect(userPage.getByRole("heading", { name: "You need an administrator account" })).toBeVisible();
  await expect(userPage.getByText("403")).toBeVisible();
  await expect(userPage.getByTestId(`remaining-${id}`)).toHaveCount(0);

  await winnerContext.close();
  await lateContext.close();
});

test("the form shows the schema's and the server's errors at their fields; a live edit sends only what changed", async ({
  page,
  baseURL,
}, testInfo) => {
  const admin = await adminRequest(baseURL!);
  const live = await createPromotion(admin, { totalStock: 10 });
  await admin.dispose();
  await signIn(page.request, E2E_ADMIN.email, E2E_ADMIN.password);
  const posts: string[] = [];
  page.on("request", (req) => {
    if (req.method() !== "GET" && req.url().includes("/api/admin/")) posts.push(req.url());
  });

  // Checked in the browser by the shared schema: nothing is sent.
  await page.goto("/admin/promotions/new");
  await page.getByRole("button", { name: "Create promotion" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Please fix the fields marked below.");
  for (const label of ["Title", "Total stock", "Starts at", "Ends at", "Discount value"]) {
    await expect(page.getByLabel(label)).toHaveAttribute("aria-invalid", "true");
  }
  await expect(page.getByLabel("Title")).toHaveAccessibleDescription("Required.");
  await page.getByLabel("Title").fill("Errors everywhere");
  await page.getByLabel("Total stock").fill("5");
  await page.getByLabel("Starts at").fill(zonedTime(3_600_000).value);
  await page.getByLabel("Ends at").fill(zonedTime(60_000).value);
  await page.getByLabel("Discount value").fill("150");
  await page.getByRole("button", { name: "Create promotion" }).click();
  await expect(page.getByLabel("Ends at")).toHaveAccessibleDescription(/end must be after the start/);
  await expect(page.getByLabel("Discount value")).toHaveAccessibleDescription(/percentage is at most 100/);
  await expect(page.getByLabel("Title")).not.toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: testInfo.outputPath("admin-form-errors.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("admin-form-errors-375.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(posts).toHaveLength(0);

  // Checked by the server: a taken slug.
  await page.getByLabel("Ends at").fill(zonedTime(7_200_000).value);
  await page.getByLabel("Discount value").fill("15");
  await page.getByLabel("Slug").fill(live.slug);
  await page.getByRole("button", { name: "Create promotion" }).click();
  await expect(page.getByLabel("Slug")).toHaveAccessibleDescription(/Taken\./);
  expect(posts).toHaveLength(1);

  // Two claims, then edit the live promotion.
  for (let i = 0; i < 2; i++) {
    const user = await request.newContext({ baseURL });
    await signUpAndSignIn(user);
    expect((await user.post(`/api/promotions/${live.id}/claim`)).status()).toBe(201);
    await user.dispose();
  }
  await page.goto(`/admin/promotions/${live.id}/edit`);
  await expect(page.getByText("This promotion has started.")).toBeVisible();
  await expect(page.getByLabel("Starts at")).toBeDisabled();
  await expect(page.getByLabel("Slug")).toBeDisabled();
  await page.getByLabel("Total stock").fill("1");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByLabel("Total stock")).toHaveAccessibleDescription(/cannot go below the 2 coupons already claimed/);
  await page.screenshot({ path: testInfo.outputPath("admin-edit-live.png"), fullPage: true });

  const patch = page.waitForRequest((req) => req.method() === "PATCH");
  await page.getByLabel("Total stock").fill("20");
  await page.getByRole("button", { name: "Save changes" }).click();
  expect((await patch).postDataJSON()).toEqual({ totalStock: 20 });
  await expect(page).toHaveURL(new RegExp(`/admin/promotions/${live.id}$`));
  await expect(page.getByTestId(`remaining-${live.id}`)).toHaveText("18");
  await expect(
    page.getByRole("region", { name: "Audit log" }).getByRole("listitem").filter({ hasText: "changed" }).first(),
  ).toContainText("Total stock: 10 → 20");
});
