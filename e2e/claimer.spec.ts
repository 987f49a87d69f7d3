// The claimer's experience in the browser, against the production server.
import { expect, test, type Page } from "@playwright/test";
import { adminRequest, createPromotion, PASSWORD, postSignUp, signUpAndSignIn, uniqueEmail } from "./helpers";

const claimButton = (page: Page) => page.getByRole("button", { name: /Claim/ });
const status = (page: Page) => page.getByRole("status");

async function fillSignIn(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("sign up, the button opens by itself, claim, find the code in my coupons and back on the promotion", async ({
  page,
  baseURL,
}) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Ada");
  await page.getByLabel("Email").fill(uniqueEmail("claimer"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  // Sign-up then sign-in: two Argon2id runs at OWASP's cost and the proof of work.
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 30_000 });

  const admin = await adminRequest(baseURL!);
  const promotion = await createPromotion(admin, { startsInMs: 5_000 });
  await admin.dispose();
  const claimPosts: string[] = [];
  page.on("request", (req) => {
    if (req.method() === "POST" && req.url().endsWith(`/api/promotions/${promotion.id}/claim`)) claimPosts.push(req.url());
  });

  await page.goto(`/p/${promotion.slug}`);
  await expect(page.getByRole("heading", { name: promotion.title })).toBeVisible();
  await expect(claimButton(page)).toBeDisabled();
  await expect(claimButton(page)).toHaveText(/^Claim opens in 00:00:0\d$/);
  // No reload: the countdown itself opens the button.
  await expect(claimButton(page)).toHaveText("Claim coupon", { timeout: 15_000 });
  await expect(claimButton(page)).toBeEnabled();

  // A double press sends one request.
  await claimButton(page).dblclick();
  await expect(status(page)).toContainText("You got it!");
  const code = page.getByTestId("coupon-code");
  await expect(code).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  const couponCode = await code.textContent();
  expect(claimPosts).toHaveLength(1);
  await expect(claimButton(page)).toHaveText("Claimed");
  await expect(claimButton(page)).toBeDisabled();

  await page.getByRole("link", { name: "My coupons" }).click();
  await expect(page).toHaveURL(/\/me\/coupons$/);
  await expect(page.getByRole("listitem").filter({ hasText: promotion.title }).getByTestId("coupon-code")).toHaveText(
    couponCode!,
  );

  // Back on the promotion, the page shows the coupon from the claim: nothing left to press.
  await page.goto(`/p/${promotion.slug}`);
  await expect(status(page)).toContainText("You already claimed this coupon.");
  await expect(page.getByTestId("coupon-code")).toHaveText(couponCode!);
  await expect(claimButton(page)).toHaveText("Claimed");
  await expect(claimButton(page)).toBeDisabled();
  expect(claimPosts).toHaveLength(1);
});

test("a phone whose clock is an hour fast still counts down to the server's start", async ({ page, baseURL }) => {
  await page.addInitScript(() => {
    const realNow = Date.now;
    Date.now = () => realNow() + 3_600_000;
  });
  const admin = await adminRequest(baseURL!);
  const promotion = await createPromotion(admin, { startsInMs: 5_000 });
  await admin.dispose();

  await page.goto(`/p/${promotion.slug}`);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible(); // hydrated
  await expect(claimButton(page)).toHaveText(/^Claim opens in 00:00:0\d$/);
  await expect(claimButton(page)).toBeDisabled();
  await expect(claimButton(page)).toHaveText("Claim coupon", { timeout: 15_000 });
});

test("two people, one coupon: one wins, the other sees sold out; a watcher sees it without reload", async ({
  browser,
  baseURL,
}) => {
  const admin = await adminRequest(baseURL!);
  const promotion = await createPromotion(admin, { totalStock: 1 });
  await admin.dispose();

  const watcherContext = await browser.newContext({ baseURL });
  const watcher = await watcherContext.newPage();
  await watcher.goto(`/p/${promotion.slug}`);
  await expect(watcher.getByTestId("remaining")).toHaveText("1");

  const people = await Promise.all(
    [0, 1].map(async () => {
      const context = await browser.newContext({ baseURL });
      await signUpAndSignIn(context.request);
      const page = await context.newPage();
      await page.goto(`/p/${promotion.slug}`);
      await expect(claimButton(page)).toHaveText("Claim coupon");
      await expect(claimButton(page)).toBeEnabled();
      return page;
    }),
  );

  await Promise.all(people.map((page) => claimButton(page).click()));
  for (const page of people) await expect(status(page)).toContainText(/You got it!|Sold out/);
  const outcomes = await Promise.all(people.map((page) => status(page).textContent()));
  const winner = people[outcomes.findIndex((text) => text!.includes("You got it!"))];
  const loser = people[outcomes.findIndex((text) => text!.includes("Sold out"))];
  expect(winner).toBeDefined();
  expect(loser).toBeDefined();

  await expect(winner.getByTestId("coupon-code")).toBeVisible();
  await expect(loser.getByTestId("coupon-code")).toHaveCount(0);
  await expect(claimButton(loser)).toHaveText("Claim closed: sold out");
  await expect(claimButton(loser)).toBeDisabled();
  await expect(loser.getByTestId("remaining")).toHaveText("0");

  await expect(watcher.getByTestId("remaining")).toHaveText("0");
  await expect(claimButton(watcher)).toHaveText("Claim closed: sold out");
  await expect(status(watcher)).toContainText("Sold out");

  await Promise.all([watcherContext, ...people.map((page) => page.context())].map((context) => context.close()));
});

test("a winner who comes back after the drop sold out sees their coupon, not sold out", async ({ browser, baseURL }) => {
  const admin = await adminRequest(baseURL!);
  const promotion = await createPromotion(admin, { totalStock: 1 });
  await admin.dispose();

  const winnerContext = await browser.newContext({ baseURL });
  await signUpAndSignIn(winnerContext.request);
  const [winner, staleTab, otherTab] = await Promise.all([
    winnerContext.newPage(),
    winnerContext.newPage(),
    winnerContext.newPage(),
  ]);
  // This tab's stock polls never arrive, so it still offers the claim after the win.
  await staleTab.route("**/stock", (route) => route.abort());
  for (const page of [winner, staleTab, otherTab]) {
    await page.goto(`/p/${promotion.slug}`);
    await expect(claimButton(page)).toHaveText("Claim coupon");
  }
  await claimButton(winner).click();
  await expect(status(winner)).toContainText("You got it!");
  const couponCode = await winner.getByTestId("coupon-code").textContent();
  // A tab opened before the win learns it from the claim answer (409 with the claim).
  await claimButton(staleTab).click();
  await expect(status(staleTab)).toContainText("You already claimed this coupon.");
  await expect(staleTab.getByTestId("coupon-code")).toHaveText(couponCode!);
  // A tab that only watched sees the sell-out in its poll and asks for its person's claim.
  await expect(status(otherTab)).toContainText("You already claimed this coupon.");
  await expect(otherTab.getByTestId("coupon-code")).toHaveText(couponCode!);
  await expect(otherTab.getByText(/sold out/i)).toHaveCount(0);

  // Someone else comes too late: for them it is sold out.
  const lateContext = await browser.newContext({ baseURL });
  await signUpAndSignIn(lateContext.request);
  expect((await lateContext.request.post(`/api/promotions/${promotion.id}/claim`)).status()).toBe(410);
  const late = await lateContext.newPage();
  await late.goto(`/p/${promotion.slug}`);
  await expect(claimButton(late)).toHaveText("Claim closed: sold out");

  // The winner reloads: the server renders their coupon from their claim, without a new claim request.
  const claimPosts: string[] = [];
  winner.on("request", (req) => {
    if (req.method() === "POST" && req.url().endsWith(`/api/promotions/${promotion.id}/claim`)) claimPosts.push(req.url());
  });
  const html = await (await winnerContext.request.get(`/p/${promotion.slug}`)).text();
  expect(html).toContain(couponCode!);
  await winner.reload();
  await expect(winner.getByRole("button", { name: "Sign out" })).toBeVisible(); // hydrated, session known
  await expect(winner.getByTestId("coupon-code")).toHaveText(couponCode!);
  await expect(status(winner)).toContainText("You already claimed this coupon.");
  await expect(claimButton(winner)).toHaveText("Claimed");
  await expect(claimButton(winner)).toBeDisabled();
  await expect(winner.getByTestId("remaining")).toHaveText("0");
  await expect(winner.getByText(/sold out/i)).toHaveCount(0);
  expect(claimPosts).toHaveLength(0);

  await Promise.all([winnerContext.close(), lateContext.close()]);
});

test("a paused promotion shows paused, and opens again by itself when resumed", async ({ page, baseURL }) => {
  await signUpAndSignIn(page.context().request);
  const admin = await adminRequest(baseURL!);
  const promotion = await createPromotion(admin);
  expect((await admin.post(`/api/admin/promotions/${promotion.id}/pause`)).ok()).toBeTruthy();

  await page.goto(`/p/${promotion.slug}`);
  await expect(claimButton(page)).toHaveText("Claim paused");
  await expect(claimButton(page)).toBeDisabled();
  await expect(status(page)).toContainText("Paused");

  expect((await admin.post(`/api/admin/promotions/${promotion.id}/resume`)).ok()).toBeTruthy();
  await admin.dispose();
  await expect(claimButton(page)).toHaveText("Claim coupon");
  await expect(claimButton(page)).toBeEnabled();
});

// The server has no switch for these answers, so the browser gets them from a stand-in route.
test("rate limited: waits Retry-After and retries by itself; a pending claim turns into its code", async ({ page, baseURL }) => {
  await signUpAndSignIn(page.context().request);
  const admin = await adminRequest(baseURL!);
  const promotion = await createPromotion(admin);
  await admin.dispose();
  const pending = {
    id: "pending-claim",
    promotionId: promotion.id,
    status: "PENDING",
    couponCode: null,
    claimedAt: new Date().toISOString(),
  };
  let claimRequests = 0;
  await page.route(`**/api/promotions/${promotion.id}/claim`, (route) =>
    ++claimRequests === 1
      ? route.fulfill({ status: 429, headers: { "Retry-After": "2" }, json: { error: "RATE_LIMITED", message: "Slow down." } })
      : route.fulfill({ status: 202, json: { claim: pending, remaining: 9 } }),
  );
  let issued = false;
  await page.route("**/api/me/claims", (route) => {
    const claim = issued ? { ...pending, status: "ISSUED", couponCode: "ABCD-EFGH-JKMN" } : pending;
    return route.fulfill({
      json: { claims: [{ ...claim, promotion: { id: promotion.id, title: promotion.title, slug: promotion.slug } }] },
    });
  });

  await page.goto(`/p/${promotion.slug}`);
  await claimButton(page).click();
  await expect(status(page)).toContainText("Too many attempts");
  await expect(claimButton(page)).toHaveText(/^Claim again in [12] s$/);
  await expect(claimButton(page)).toBeDisabled();
  await expect(status(page)).toContainText("You got it!");
  await expect(status(page)).toContainText("being issued");
  expect(claimRequests).toBe(2);
  await expect(page.getByTestId("coupon-code")).toHaveCount(0);

  issued = true;
  await expect(page.getByTestId("coupon-code")).toHaveText("ABCD-EFGH-JKMN");
});

test("unavailable: after the automatic retries, a manual retry", async ({ page, baseURL }) => {
  await signUpAndSignIn(page.context().request);
  const admin = await adminRequest(baseURL!);
  const promotion = await createPromotion(admin);
  await admin.dispose();
  let claimRequests = 0;
  await page.route(`**/api/promotions/${promotion.id}/claim`, (route) =>
    ++claimRequests <= 4
      ? route.fulfill({ status: 503, headers: { "Retry-After": "0" }, json: { error: "UNAVAILABLE", message: "Busy." } })
      : route.continue(),
  );

  await page.goto(`/p/${promotion.slug}`);
  await claimButton(page).click();
  await expect(claimButton(page)).toHaveText("Claim again");
  await expect(status(page)).toContainText("Still busy");
  expect(claimRequests).toBe(4); // the press and three automatic retries
  await claimButton(page).click();
  await expect(page.getByTestId("coupon-code")).toBeVisible();
  expect(claimRequests).toBe(5);
});

test("a signed-out claim goes to sign-in and back to the promotion", async ({ page, request, baseURL }) => {
  const admin = await adminRequest(baseURL!);
  const promotion = await createPromotion(admin);
  await admin.dispose();
  const email = uniqueEmail("returning");
  expect((await postSignUp(request, { email, password: PASSWORD })).status()).toBe(201);

  await page.goto(`/p/${promotion.slug}`);
  await claimButton(page).click();
  await expect(page).toHaveURL(`/signin?callbackUrl=/p/${promotion.slug}`);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");

  await fillSignIn(page, email);
  await expect(page).toHaveURL(`/p/${promotion.slug}`);
  await claimButton(page).click();
  await expect(page.getByTestId("coupon-code")).toBeVisible();
});

test("my coupons sends signed-out visitors to sign in, and sign-in returns only to this site", async ({ page, request }) => {
  const email = uniqueEmail("visitor");
  expect((await postSignUp(request, { email, password: PASSWORD })).status()).toBe(201);

  await page.goto("/me/coupons");
  await expect(page).toHaveURL("/signin?callbackUrl=/me/coupons");

  await page.goto("/signin?callbackUrl=//evil.example/phish");
  await fillSignIn(page, email);
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("sign-up shows the server's errors inline", async ({ page, request }) => {
  const taken = uniqueEmail("taken");
  expect((await postSignUp(request, { email: taken, password: PASSWORD })).status()).toBe(201);

  await page.goto("/signup");
  await page.getByLabel("Email").fill(uniqueEmail("short"));
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/Use at least 8 characters/);

  await page.getByLabel("Email").fill(taken);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/already exists/);
});

test("the promotion page at phone and desktop sizes", async ({ page, baseURL }, testInfo) => {
  const admin = await adminRequest(baseURL!);
  const promotion = await createPromotion(admin, { title: "Screenshot drop: a quarter off everything", startsInMs: 3_600_000 });
  await admin.dispose();
  // Hydration mismatches and other script errors would show here (a missing favicon would not).
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (msg) => {
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) errors.push(msg.text());
  });
  for (const [width, height] of [
    [375, 812],
    [1280, 800],
  ]) {
    await page.setViewportSize({ width, height });
    await page.goto(`/p/${promotion.slug}`);
    await expect(claimButton(page)).toHaveText(/^Claim opens in /);
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible(); // hydrated, session known
    // Nothing may stick out sideways at phone width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: testInfo.outputPath(`promotion-${width}.png`), fullPage: true });
  }
  expect(errors).toEqual([]);
});

test("start times are shown in the promotion's time zone with its name, whatever the viewer's", async ({ browser, baseURL }) => {
  // Issue #21: the promotion's zone (here the default, Asia/Seoul), never the browser's: a viewer
  // in New York reads the same "KST" time as one in Seoul.
  const admin = await adminRequest(baseURL!);
  const promotion = await createPromotion(admin, { startsInMs: 3_600_000 });
  await admin.dispose();
  const context = await browser.newContext({ baseURL, timezoneId: "America/New_York", locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/");
  const card = page.getByRole("link", { name: promotion.title });
  await expect(card).toContainText(/Starts .*KST/);
  await expect(card).not.toContainText(/E[SD]T|GMT-/);
  await context.close();
});
