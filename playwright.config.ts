import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";

// One run = one database, one Redis key prefix, one port. The config is evaluated again in each
// worker; the values travel there through the environment set by the first evaluation.
process.env.E2E_RUN_ID ??= `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
process.env.E2E_PORT ??= String(3100 + Math.floor(Math.random() * 800));
const runId = process.env.E2E_RUN_ID;
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

const databaseUrl = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test");
databaseUrl.pathname = `/coupon_e2e_${runId}`;
process.env.E2E_DATABASE_URL = databaseUrl.toString();

export const E2E_ADMIN = { email: "admin@e2e.test", password: "admin-password-e2e" };

/** The app server's environment; e2e/two-instances.spec.ts starts a second server with it. */
export const appServerEnv = {
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(port),
  DATABASE_URL: databaseUrl.toString(),
  REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
  REDIS_KEY_PREFIX: `e2e:${runId}:`,
  NEXTAUTH_URL: baseURL,
  NEXTAUTH_SECRET: `e2e-secret-${runId}-0123456789`,
  ADMIN_EMAIL: E2E_ADMIN.email,
  ADMIN_PASSWORD: E2E_ADMIN.password,
  // GET /api/metrics is on for the production server under test (e2e/report.spec.ts scrapes it).
  METRICS_TOKEN: `e2e-metrics-${runId}-0123456789`,
  // Every browser and API client of the specs comes from 127.0.0.1: the per-address sign-up and
  // sign-in limits are raised (not off) so the specs' many accounts fit; e2e/signup.spec.ts checks
  // the per-email lockout, which keeps its default. The sign-up challenge stays on.
  SIGNUP_RATE_LIMIT: "10000/1h",
  SIGNIN_RATE_LIMIT_IP: "10000/1m",
  // The specs sign many people up and in at once (two workers, parallel sign-ups in a test): more
  // password hash slots than this 2-core default of 1, so they are not refused 503 as a crowd
  // would be. The cap itself is tested in tests/auth/hash-slots.test.ts and e2e/signup.spec.ts.
  PASSWORD_HASH_CONCURRENCY: "8",
  // Every spec signs in as the one admin (e2e/helpers.ts, adminRequest): a dozen times a minute
  // when the claimer, API and fair-start specs run together. The lockout after wrong passwords
  // (SIGNIN_LOCKOUT_*, checked by e2e/signup.spec.ts) keeps its default.
  SIGNIN_RATE_LIMIT_EMAIL: "1000/1m",
};

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  outputDir: "test-results/e2e",
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    browserName: "chromium",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot reach its host here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // The production build, served by the production start command, on a database of its own.
    command: "npm run db:migrate && npm run db:seed && npm run build && npm start",
    url: `${baseURL}/api/health`,
    timeout: 480_000,
    reuseExistingServer: false,
    stdout: "ignore",
    env: appServerEnv,
  },
});
