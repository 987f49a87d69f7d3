// Revocable sessions, the admin Users page and the security headers, against the production server.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { adminRequest, createPromotion, PASSWORD, signIn, signUpAndSignIn, uniqueEmail } from "./helpers";

const CSP_DIRECTIVES = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "worker-src 'self' blob:",
];

test("every answer carries the security headers: a page, a route handler, a fast-lane route, a file", async ({
  request,
  baseURL,
}) => {
  const admin = await adminRequest(baseURL!);
  const promotion = await createPromotion(admin);
  await admin.dispose();
  const page = await request.get("/");
  const html = await page.text();
  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(asset).toBeTruthy();
  const answers = {
    page: page,
    signin: await request.get("/signin"),
    route: await request.get("/api/promotions"),
    "route 404": await request.get("/api/nothing-here"),
    "fast-lane stock": await request.get(`/api/promotions/${promotion.id}/stock`),
    "fast-lane claim": await request.post(`/api/promotions/${promotion.id}/claim`),
    file: await request.get(asset!),
  };
  for (const [what, res] of Object.entries(answers)) {
    const headers = res.headers();
    expect(headers["content-security-policy"], what).toBeDefined();
    for (const directive of CSP_DIRECTIVES) expect(headers["content-security-policy"], what).toContain(directive);
    expect(headers["x-content-type-options"], what).toBe("nosniff");
    expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], what).toContain("camera=()");
    expect(headers["x-frame-options"], what).toBe("DENY");
    // The site under test is http: no HSTS (lib/http/security-headers.js sets it for https sites).
    expect(headers["strict-transport-security"], what).toBeUndefined();
  }
  expect(answers["fast-lane claim"].status()).toBe(401);
});

test("the pages run under the CSP: no violation while browsing and signing in", async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto("/");
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: /Users/ })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
});

test("an admin disables an account and signs another out everywhere on the Users page", async ({ page, baseURL }) => {
  const shopper = await playwrightRequest.newContext({ baseURL });
  const email = uniqueEmail("shopper");
  const person = await signUpAndSignIn(shopper, email);
  const admin = await adminRequest(baseURL!);
  const promotion = await createPromotion(admin, { totalStock: 5 });

  await page.goto("/signin?callbackUrl=/admin/users");
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" })).toBeVisible();

  // The admin's own row cannot lock them out.
  await page.getByLabel("Search by email").fill(E2E_ADMIN.email);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const own = page.getByRole("row", { name: new RegExp(E2E_ADMIN.email) });
  await expect(own.getByRole("button", { name: `Disable ${E2E_ADMIN.email}` })).toBeDisabled();
  await expect(own.getByRole("button", { name: `Make user ${E2E_ADMIN.email}` })).toBeDisabled();

  await page.getByLabel("Search by email").fill(email);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const row = page.getByRole("row", { name: new RegExp(email) });
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: `Disable ${email}` }).click();
  await expect(row.getByRole("cell", { name: "Disabled" })).toBeVisible();

  // Disabled: no claim, no sign-in, even with the right password.
  const refused = await shopper.post(`/api/promotions/${promotion.id}/claim`);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: "ACCOUNT_DISABLED" });
  const other = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = await (await other.get("/api/auth/csrf")).json();
  const signInAnswer = await other.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: PASSWORD, json: "true" },
  });
  expect(signInAnswer.status()).toBe(403);
  expect(await signInAnswer.json()).toMatchObject({ error: "ACCOUNT_DISABLED" });

  await row.getByRole("button", { name: `Enable ${email}` }).click();
  await expect(row.getByRole("cell", { name: "Active" })).toBeVisible();
  expect((await shopper.post(`/api/promotions/${promotion.id}/claim`)).status()).toBe(201);

  // Sign out everywhere: the old cookie is no session, in the API and in pages.
  await row.getByRole("button", { name: `Sign out everywhere ${email}` }).click();
  await expect(row.getByRole("status")).toHaveText("Signed out everywhere.");
  expect((await shopper.get("/api/me/claims")).status()).toBe(401);
  expect(await (await shopper.get("/api/auth/session")).json()).toEqual({});
  const audit = await admin.get(`/api/admin/users/${person.id}/audit`);
  expect((await audit.json()).entries.map((e: { action: string }) => e.action)).toEqual([
    "user.sign-out",
    "user.update",
    "user.update",
  ]);
  // A new sign-in works again.
  await signIn(other, email, PASSWORD);
  expect((await other.get("/api/me/claims")).status()).toBe(200);
  await Promise.all([shopper.dispose(), other.dispose(), admin.dispose()]);
});

test("a revoked session reads as signed out in a page", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const email = uniqueEmail("reader");
  const person = await signUpAndSignIn(context.request, email);
  const page = await context.newPage();
  await page.goto("/me/coupons");
  await expect(page.getByRole("heading", { name: "My coupons" })).toBeVisible();
  const admin = await adminRequest(baseURL!);
  expect((await admin.post(`/api/admin/users/${person.id}/sign-out`)).status()).toBe(200);
  await page.goto("/me/coupons");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=\/me\/coupons$/);
  await Promise.all([admin.dispose(), context.close()]);
});
