// Sign-up through the real ALTCHA widget in Chromium, with the challenge on (the production
// server's default), and the sign-in throttles and challenge rules over real HTTP.
import { readdirSync, readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { appServerEnv } from "../playwright.config";
import { PASSWORD, postSignUp, signUpAndSignIn, uniqueEmail } from "./helpers";
import { threadNices } from "../tests/support/thread-nices";

/** One credentials sign-in as next-auth's client sends it; the raw answer. */
async function signInAttempt(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
}

test("signs up through the invisible ALTCHA widget and is signed in, back on this site only", async ({ page }) => {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(msg.text());
  });
  const challenges: string[] = [];
  page.on("request", (req) => {
    if (req.url().endsWith("/api/auth/challenge")) challenges.push(req.method());
  });
  // A callback URL that browsers would read as another site (the tab is stripped): refused.
  await page.goto("/signup?callbackUrl=/%09/evil.example");
  await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();
  // The widget fetched its challenge on load and solves it while the person types; nothing to click.
  await expect.poll(() => challenges.length).toBeGreaterThan(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);

  const email = uniqueEmail("widget");
  await page.getByLabel("Name").fill("Grace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  const posted = page.waitForRequest((req) => req.method() === "POST" && req.url().endsWith("/api/auth/signup"));
  const answered = page.waitForResponse((res) => res.request().method() === "POST" && res.url().endsWith("/api/auth/signup"));
  await page.getByRole("button", { name: "Create account" }).click();

  const body = (await posted).postDataJSON() as { email: string; altcha?: string };
  expect((await answered).status()).toBe(201);
  expect(typeof body.altcha).toBe("string");
  const payload = JSON.parse(Buffer.from(body.altcha!, "base64").toString("utf8"));
  expect(payload).toMatchObject({
    challenge: { parameters: { algorithm: "PBKDF2/SHA-256" } },
    solution: { counter: expect.any(Number) },
  });
  test
    .info()
    .annotations.push({ type: "proof of work in Chromium", description: `${Math.round(payload.solution.time ?? 0)} ms` });

  // The automatic sign-in after it: another Argon2id run at OWASP's cost.
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL("/");
  expect(challenges.every((method) => method === "GET")).toBe(true);
  expect(problems).toEqual([]);
});

test("scripted sign-ups need a fresh solution each; an alias of an existing email is 409", async ({ request }) => {
  const email = uniqueEmail("script");
  const missing = await request.post("/api/auth/signup", { data: { email, password: PASSWORD } });
  expect(missing.status()).toBe(400);
  expect(await missing.json()).toMatchObject({ error: "CHALLENGE_FAILED" });

  const challenge = await (await request.get("/api/auth/challenge")).json();
  const { solveSignupChallenge } = await import("../tests/support/challenge");
  const altcha = await solveSignupChallenge(challenge);
  expect((await request.post("/api/auth/signup", { data: { email, password: PASSWORD, altcha } })).status()).toBe(201);
  const reused = await request.post("/api/auth/signup", { data: { email: uniqueEmail("script"), password: PASSWORD, altcha } });
  expect(reused.status()).toBe(400);
  expect(await reused.json()).toMatchObject({ error: "CHALLENGE_FAILED" });

  const mailbox = `e2e${Date.now()}`;
  expect((await postSignUp(request, { email: `${mailbox}@gmail.com`, password: PASSWORD })).status()).toBe(201);
  const alias = await postSignUp(request, {
    email: `${mailbox.slice(0, 2)}.${mailbox.slice(2)}+drop@googlemail.com`,
    password: PASSWORD,
  });
  expect(alias.status()).toBe(409);
  expect(await alias.json()).toMatchObject({ error: "EMAIL_TAKEN" });
});

test("a password-guessing loop locks the email; the right password is refused and the page says so", async ({
  page,
  request,
}) => {
  const email = uniqueEmail("guessed");
  expect((await postSignUp(request, { email, password: PASSWORD })).status()).toBe(201);
  for (let i = 0; i < 4; i++) expect((await signInAttempt(request, email, `wrong-password-${i}`)).status()).toBe(401);
  const locked = await signInAttempt(request, email, "wrong-password-4");
  expect(locked.status()).toBe(429);
  expect(locked.headers()["retry-after"]).toBe("60");
  expect(await locked.json()).toMatchObject({ error: "RATE_LIMITED", message: "Too many attempts, try again in 1 minute." });
  const right = await signInAttempt(request, email, PASSWORD);
  expect(right.status()).toBe(429);
  expect(right.headers()["set-cookie"] ?? "").not.toContain("next-auth.session-token");

  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Too many attempts, try again in 1 minute.");
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
});

test("a busy server's 503 on sign-in: the page says so, retries by itself once, and signs in", async ({
  page,
  request,
  baseURL,
}) => {
  const email = uniqueEmail("busy");
  expect((await postSignUp(request, { email, password: PASSWORD })).status()).toBe(201);
  // The first sign-in is answered as the production server answers while every password hash
  // slot is taken (lib/auth/busy-shed.ts); the browser's later tries reach the server itself.
  let posts = 0;
  await page.route("**/api/auth/callback/credentials", async (route) => {
    posts += 1;
    if (posts > 1) return route.continue();
    await route.fulfill({
      status: 503,
      headers: { "Retry-After": "1" },
      json: {
        error: "UNAVAILABLE",
        message: "Sign-in is unavailable. Try again.",
        url: `${baseURL}/api/auth/error?error=UNAVAILABLE`,
      },
    });
  });
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Many people are signing in right now" })).toBeVisible();
  // No second press while it waits: the button stays disabled through the retry.
  await expect(page.getByRole("button", { name: "Signing in…" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 30_000 });
  expect(posts).toBe(2);
});

/** The production server listening on `port`: its pid, found by its command line and environment in /proc. */
function productionServerPid(port: string): number {
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      // Node itself, not the shell npm start runs it through (whose command line names the file too).
      const [program, script] = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      const environ = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (program.endsWith("node") && script?.endsWith("production-server.cjs") && environ.includes(`PORT=${port}`))
        return Number(entry);
    } catch {
      // a process that ended meanwhile, or one of another user
    }
  }
  throw new Error(`no production server on port ${port}`);
}

test("the production server hashes passwords on threads at nice 19, one per hash slot, its main thread at normal priority", async ({
  request,
}) => {
  await signUpAndSignIn(request);
  const pid = productionServerPid(process.env.E2E_PORT!);
  const nices = threadNices(pid);
  expect([...nices.values()].filter((nice) => nice === 19)).toHaveLength(Number(appServerEnv.PASSWORD_HASH_CONCURRENCY));
  expect(nices.get(pid)).toBeLessThan(19);
});
