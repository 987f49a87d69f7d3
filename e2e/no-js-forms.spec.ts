// The forms that hold a password or a secret, used the way a slow phone uses them: before the
// page's JavaScript has run, or with it off. The browser then submits a form itself; none may be
// a GET that puts what it holds in a URL (history, address bar, proxy logs, Referer), sign-in
// must still work, and the forms that need JavaScript must say so.
import { expect, test, type BrowserContext, type Page, type Request } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { PASSWORD, postSignUp, signIn, uniqueEmail } from "./helpers";

/** Every request the context's pages make, as the browser sent it. */
function recordRequests(context: BrowserContext): Request[] {
  const seen: Request[] = [];
  context.on("request", (req) => seen.push(req));
  return seen;
}

/** No request's URL holds `secret`, plain or percent-encoded (nor the email next to it, for the sign-in forms). */
function expectNotInAnyUrl(requests: Request[], ...secrets: string[]) {
  expect(requests.length).toBeGreaterThan(0);
  for (const secret of secrets) {
    const leaked = requests.map((r) => r.url()).filter((url) => url.includes(secret) || url.includes(encodeURIComponent(secret)));
    expect(leaked, `URLs holding ${secret}`).toEqual([]);
  }
}

/** The browser's own form posts among `requests` (not fetches: a hydrated page's JavaScript would send those). */
const formPosts = (requests: Request[]) => requests.filter((r) => r.method() === "POST" && r.resourceType() === "document");

/**
 * Holds the page's JavaScript back until released, so a form is submitted before hydration: the
 * HTML and its form are there, React has not attached a handler yet.
 */
async function holdScripts(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  // Scripts only: the stylesheets (in the same folder) block rendering, which a slow phone's page does not wait on.
  const isScript = (url: URL) => url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js");
  await page.route(isScript, async (route) => {
    await released;
    await route.continue().catch(() => {}); // the page may have moved on meanwhile
  });
  return release;
}

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-in works: a wrong password comes back as the page's message, the right one signs in; no URL holds the password", async ({
    page,
    context,
    request,
  }) => {
    const email = uniqueEmail("nojs");
    expect((await postSignUp(request, { email, password: PASSWORD })).status()).toBe(201);
    const requests = recordRequests(context);

    await page.goto("/signin?callbackUrl=/me/coupons");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/signin?callbackUrl=/me/coupons&error=CredentialsSignin");
    await expect(page.getByRole("alert")).toHaveText("Wrong email or password.");

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/me/coupons");
    const session = await (await context.request.get("/api/auth/session")).json();
    expect(session?.user?.email).toBe(email);

    // Both attempts were the browser's own POST to next-auth's credentials callback.
    expect(formPosts(requests).map((r) => new URL(r.url()).pathname)).toEqual([
      "/api/auth/callback/credentials",
      "/api/auth/callback/credentials",
    ]);
    expectNotInAnyUrl(requests, PASSWORD, "not-the-password");
  });

  test("a lockout comes back as the page's message", async ({ page, context }) => {
    const requests = recordRequests(context);
    // An unknown email is counted and locked like a known one (lib/auth/sign-in.ts): five failures in a row.
    const email = uniqueEmail("nojs-locked");
    for (let attempt = 1; attempt <= 5; attempt++) {
      // A page of its own for each attempt (its callbackUrl tells them apart), so each URL check waits for its answer.
      await page.goto(`/signin?callbackUrl=/attempt-${attempt}`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`guess-number-${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=/attempt-${attempt}&error=`));
    }
    await expect(page.getByRole("alert")).toHaveText(/^Too many attempts, try again in \d+ minutes?\.$/);
    expectNotInAnyUrl(requests, "guess-number-");
  });

  test("sign-up says JavaScript is needed and creates nothing; no URL holds the password", async ({ page, context, request }) => {
    const requests = recordRequests(context);
    const email = uniqueEmail("nojs-signup");
    await page.goto("/signup?callbackUrl=/me/coupons");
    await page.getByLabel("Name").fill("Ada");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page).toHaveURL("/signup?callbackUrl=%2Fme%2Fcoupons&error=javascript-required");
    await expect(page.getByRole("alert").filter({ hasText: "This form needs JavaScript." })).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveValue("");
    expect(formPosts(requests).map((r) => new URL(r.url()).pathname)).toEqual(["/api/forms/javascript-required"]);
    expectNotInAnyUrl(requests, PASSWORD, email);
    // No account was made: that email and password do not sign in.
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const attempt = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password: PASSWORD, json: "true" },
    });
    expect(attempt.status()).toBe(401);
  });
});

test.describe("submitted the moment the form is visible, before hydration", () => {
  test("sign-in signs in, through the browser's own POST", async ({ page, context, request }) => {
    const email = uniqueEmail("early");
    expect((await postSignUp(request, { email, password: PASSWORD })).status()).toBe(201);
    const requests = recordRequests(context);
    const release = await holdScripts(page);
    try {
      await page.goto("/signin?callbackUrl=/me/coupons", { waitUntil: "commit" });
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL("/me/coupons");
    } finally {
      release();
    }
    const [post] = formPosts(requests);
    expect(new URL(post.url()).pathname).toBe("/api/auth/callback/credentials");
    expect(post.postData()).not.toContain("json=true"); // not next-auth's client: the page had not hydrated
    const session = await (await context.request.get("/api/auth/session")).json();
    expect(session?.user?.email).toBe(email);
    expectNotInAnyUrl(requests, PASSWORD);
  });

  test("sign-up posts, never GETs, and says JavaScript is needed", async ({ page, context }) => {
    const requests = recordRequests(context);
    const email = uniqueEmail("early-signup");
    const release = await holdScripts(page);
    try {
      await page.goto("/signup", { waitUntil: "commit" });
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page).toHaveURL("/signup?callbackUrl=%2F&error=javascript-required");
    } finally {
      release();
    }
    await expect(page.getByRole("alert").filter({ hasText: "This form needs JavaScript." })).toBeVisible();
    expect(formPosts(requests).map((r) => new URL(r.url()).pathname)).toEqual(["/api/forms/javascript-required"]);
    expectNotInAnyUrl(requests, PASSWORD, email);
  });

  test("the admin's promotion form posts, never GETs, and says JavaScript is needed", async ({ page, context }) => {
    await signIn(context.request, E2E_ADMIN.email, E2E_ADMIN.password);
    const requests = recordRequests(context);
    const typed = `Early drop ${Date.now()} secret-${Math.random().toString(36).slice(2)}`;
    const release = await holdScripts(page);
    try {
      await page.goto("/admin/promotions/new", { waitUntil: "commit" });
      await page.getByLabel("Title").fill(typed);
      await page.getByRole("button", { name: "Create promotion" }).click();
      await expect(page).toHaveURL("/admin/promotions/new?error=javascript-required");
    } finally {
      release();
    }
    await expect(page.getByRole("alert").filter({ hasText: "This form needs JavaScript." })).toBeVisible();
    expect(formPosts(requests).map((r) => new URL(r.url()).pathname)).toEqual(["/api/forms/javascript-required"]);
    expectNotInAnyUrl(requests, typed);
  });
});
