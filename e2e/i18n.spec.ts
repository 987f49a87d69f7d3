// Korean and English (issue #21): a marketer writes a won coupon in the Korean admin form, with a
// cap, a minimum order and a 7-day validity; a claimer reads all of it in Korean, claims it and
// finds its expiry on their coupons page. The same in English with dollars. The README's
// screenshots come from these runs (docs/screenshots/).
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { formatDateTime } from "../lib/i18n/format";
import { E2E_ADMIN } from "../playwright.config";
import { adminRequest, signUpAndSignIn, zonedTime } from "./helpers";

const SHOTS = "docs/screenshots";

/** A screenshot once every web font in use has loaded (the Hangul font swaps in after first paint). */
async function shot(page: Page, name: string) {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A context whose browser asks for `locale`, far from the promotion's zone (Asia/Seoul). */
const contextIn = (browser: Browser, baseURL: string | undefined, locale: string) =>
  browser.newContext({ baseURL, locale, timezoneId: "Europe/Berlin", viewport: { width: 1100, height: 900 } });

async function signInAsAdmin(page: Page, labels: { email: string; password: string; submit: string }) {
  await page.goto("/signin?callbackUrl=/admin/promotions/new");
  await page.getByLabel(labels.email).fill(E2E_ADMIN.email);
  await page.getByLabel(labels.password).fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/promotions\/new$/);
}

/** Submits the form and returns the promotion the API stored. */
async function submitForm(page: Page, button: string) {
  const created = page.waitForResponse((res) => res.request().method() === "POST" && res.url().endsWith("/api/admin/promotions"));
  await page.getByRole("button", { name: button }).click();
  const answer = await created;
  expect(answer.status()).toBe(201);
  return (await answer.json()).promotion;
}

test("in Korean: the admin form makes a won coupon with a cap, a minimum order and 7 days; a claimer reads it all and its expiry", async ({
  browser,
  baseURL,
}) => {
  const admin = await contextIn(browser, baseURL, "ko-KR");
  const page = await admin.newPage();
  await signInAsAdmin(page, { email: "이메일", password: "비밀번호", submit: "로그인" });
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("heading", { name: "새 이벤트" })).toBeVisible();

  const title = `겨울 특가 쿠폰 ${randomBytes(2).toString("hex")}`;
  await page.getByLabel("제목").fill(title);
  await page.getByLabel("설명", { exact: true }).fill("선착순 한정 수량! 1인 1매.");
  await page.getByLabel("총 수량").fill("100");
  await expect(page.getByLabel("시간대")).toHaveValue("Asia/Seoul");
  const start = zonedTime(-60_000);
  await page.getByLabel("시작 일시").fill(start.value);
  await page.getByLabel("종료 일시").fill(zonedTime(24 * 3_600_000).value);
  await expect(page.getByLabel("시작 일시")).toHaveAccessibleDescription(/시간대: Asia\/Seoul \(KST, UTC\+9\)/);
  await page.getByLabel("통화").selectOption("KRW");
  await page.getByLabel("할인 방식").selectOption("PERCENT");
  await page.getByLabel("할인 값").fill("10");
  await page.getByLabel("최대 할인 금액").fill("3,000");
  await page.getByLabel("최소 주문 금액").fill("30000");
  await page.getByLabel("발급일로부터 N일").check();
  await page.getByLabel("일수").fill("7");
  await expect(page.getByLabel("할인 값")).toHaveAccessibleDescription("“10% 할인 · 최대 3,000원”(으)로 표시됩니다.");
  await page.getByLabel("공개").check();
  await shot(page, "admin-form-ko");
  const stored = await submitForm(page, "이벤트 만들기");
  expect(stored).toMatchObject({
    title,
    startsAt: start.iso,
    currency: "KRW",
    discount: { type: "PERCENT", value: 10 },
    maxDiscountAmount: 3000,
    minOrderAmount: 30000,
    validity: { days: 7 },
    timeZone: "Asia/Seoul",
  });
  // A Korean title keeps a readable slug (lib/promotions/slug.ts).
  expect(stored.slug).not.toBe("promotion");

  const claimer = await contextIn(browser, baseURL, "ko-KR");
  await signUpAndSignIn(claimer.request);
  const claimerPage = await claimer.newPage();
  await claimerPage.goto(`/p/${stored.slug}`);
  await expect(claimerPage.locator("html")).toHaveAttribute("lang", "ko");
  await expect(claimerPage.getByRole("heading", { name: title })).toBeVisible();
  await expect(claimerPage.getByText("10% 할인 · 최대 3,000원")).toBeVisible();
  const terms = claimerPage.getByRole("definition");
  await expect(terms.filter({ hasText: "30,000원 이상 주문 시" })).toBeVisible();
  await expect(terms.filter({ hasText: "발급일로부터 7일" })).toBeVisible();
  await expect(terms.filter({ hasText: formatDateTime(stored.startsAt, "Asia/Seoul", "ko") })).toBeVisible();
  await expect(terms.first()).toContainText(/\d+월 \d+일 \([일월화수목금토]\) 오[전후] \d+:\d\d KST/);
  await claimerPage.getByRole("button", { name: "쿠폰 받기" }).click();
  await expect(claimerPage.getByText("쿠폰을 받았습니다!")).toBeVisible();
  await shot(claimerPage, "promotion-ko");

  const [claim] = (await (await claimer.request.get("/api/me/claims")).json()).claims;
  expect(Date.parse(claim.expiresAt) - Date.parse(claim.claimedAt)).toBe(7 * 86_400_000);
  await claimerPage.goto("/me/coupons");
  await expect(claimerPage.getByRole("heading", { name: "내 쿠폰" })).toBeVisible();
  await expect(claimerPage.getByTestId("coupon-expiry")).toHaveText(
    `${formatDateTime(claim.expiresAt, "Asia/Seoul", "ko")}까지 사용 가능`,
  );
  await expect(claimerPage.getByText("10% 할인 · 최대 3,000원 · 30,000원 이상 주문 시")).toBeVisible();
  await shot(claimerPage, "coupons-ko");
  await claimer.close();

  // The marketer reads the claim in Korean, in the promotion's zone (KST) though this browser is in Berlin.
  await page.goto(`/admin/promotions/${stored.id}`);
  const firstWinner = page.getByRole("region", { name: "당첨자 표" }).getByRole("row").nth(1);
  await expect(firstWinner).toContainText(formatDateTime(claim.claimedAt, "Asia/Seoul", "ko"));
  await expect(firstWinner).toContainText(formatDateTime(claim.expiresAt, "Asia/Seoul", "ko"));
  const audit = page.getByRole("region", { name: "변경 이력" });
  await expect(audit.getByRole("listitem").first()).toContainText(`${E2E_ADMIN.email} 생성함`);
  await expect(audit.getByRole("listitem").first()).toContainText(
    `시작 일시: ${formatDateTime(stored.startsAt, "Asia/Seoul", "ko")}`,
  );
  await expect(page.getByRole("button", { name: "삭제" })).toBeDisabled();
  await expect(page.getByText("발급 내역이 있어 삭제할 수 없습니다. 대신 비공개로 전환하세요.")).toBeVisible();
  await page.getByRole("link", { name: "결과 리포트" }).click();
  await expect(page.getByRole("heading", { name: `결과 리포트: ${title}` })).toBeVisible();
  await expect(page.getByText("오픈부터 소진까지")).toBeVisible();
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: /^사용자 \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "검색", exact: true })).toBeVisible();
  await admin.close();
});

test("in English: a dollar coupon typed as $12.50 is stored as 1250 cents and read back in English", async ({
  browser,
  baseURL,
}) => {
  const admin = await contextIn(browser, baseURL, "en-US");
  const page = await admin.newPage();
  await signInAsAdmin(page, { email: "Email", password: "Password", submit: "Sign in" });
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const title = `Winter deal ${randomBytes(2).toString("hex")}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Total stock").fill("100");
  await page.getByLabel("Starts at").fill(zonedTime(-60_000).value);
  await page.getByLabel("Ends at").fill(zonedTime(24 * 3_600_000).value);
  await page.getByLabel("Currency").selectOption("USD");
  await page.getByLabel("Discount type").selectOption("AMOUNT");
  await page.getByLabel("Discount value").fill("12.50");
  await expect(page.getByLabel("Maximum discount")).toHaveCount(0); // a cap is for percentages only
  await page.getByLabel("Minimum order").fill("50");
  await page.getByLabel("A number of days from claiming").check();
  await page.getByLabel("Days", { exact: true }).fill("7");
  await page.getByLabel("Published").check();
  await shot(page, "admin-form-en");
  const stored = await submitForm(page, "Create promotion");
  expect(stored).toMatchObject({
    currency: "USD",
    discount: { type: "AMOUNT", value: 1250 },
    maxDiscountAmount: null,
    minOrderAmount: 5000,
    validity: { days: 7 },
  });
  await admin.close();

  const claimer = await contextIn(browser, baseURL, "en-US");
  await signUpAndSignIn(claimer.request);
  const claimerPage = await claimer.newPage();
  await claimerPage.goto(`/p/${stored.slug}`);
  await expect(claimerPage.getByText("$12.50 off")).toBeVisible();
  await expect(claimerPage.getByRole("definition").filter({ hasText: "Orders of $50.00 or more" })).toBeVisible();
  await expect(claimerPage.getByRole("definition").filter({ hasText: "7 days from claiming" })).toBeVisible();
  await claimerPage.getByRole("button", { name: "Claim coupon" }).click();
  await expect(claimerPage.getByText("You got it!")).toBeVisible();
  await shot(claimerPage, "promotion-en");
  const [claim] = (await (await claimer.request.get("/api/me/claims")).json()).claims;
  await claimerPage.goto("/me/coupons");
  await expect(claimerPage.getByTestId("coupon-expiry")).toHaveText(
    `Valid until ${formatDateTime(claim.expiresAt, "Asia/Seoul", "en")}`,
  );
  await shot(claimerPage, "coupons-en");
  await claimer.close();
});

test("a coupon past its expiresAt shows 만료됨 (expired) on its person's coupons page", async ({ browser, baseURL }) => {
  const admin = await adminRequest(baseURL!);
  const startsAt = new Date(Date.now() - 60_000);
  const endsAt = new Date(Date.now() + 4_000);
  const res = await admin.post("/api/admin/promotions", {
    data: {
      title: `곧 만료 ${randomBytes(2).toString("hex")}`,
      totalStock: 5,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      discount: { type: "AMOUNT", value: 5000 },
      currency: "KRW",
      validity: { until: endsAt.toISOString() },
      published: true,
    },
  });
  expect(res.status()).toBe(201);
  const { promotion } = await res.json();
  const claimer = await contextIn(browser, baseURL, "ko-KR");
  await signUpAndSignIn(claimer.request);
  expect((await claimer.request.post(`/api/promotions/${promotion.id}/claim`)).status()).toBe(201);
  const page = await claimer.newPage();
  await page.goto("/me/coupons");
  await expect(page.getByTestId("coupon-expiry")).toContainText("까지 사용 가능");
  await expect(page.getByText("5,000원 할인")).toBeVisible();
  // Past the expiry: the page says so on its next load.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("coupon-expiry")).toContainText("만료됨", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await claimer.close();
});

test("the language switcher sets the cookie and stays on the page, with and without JavaScript; API errors follow it", async ({
  browser,
  baseURL,
}) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ baseURL, locale: "en-US", javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.getByRole("button", { name: "Korean", exact: true }).click();
    await expect(page).toHaveURL(/\/signin$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.getByRole("heading", { name: "로그인" })).toBeVisible();
    // The API speaks the chosen language too; its codes never change.
    const answer = await context.request.post("/api/promotions/nothing-here/claim");
    expect(answer.status()).toBe(401);
    expect(await answer.json()).toEqual({ error: "UNAUTHENTICATED", message: "먼저 로그인해 주세요." });
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await context.close();
  }
});
