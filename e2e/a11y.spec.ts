// Accessibility: an axe-core audit (WCAG 2.1 A and AA) of every claimer and marketer page, at a
// phone's and a desktop's width, in English and in Korean (the browser asks for ko-KR), failing
// on any serious or critical violation.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { createPromotion, signIn, signUpAndSignIn } from "./helpers";

const WIDTHS = [375, 1280];
// The browser's language: Accept-Language picks the page's (no cookie is set here).
const LANGUAGES = [
  { lang: "en", browserLocale: "en-US" },
  { lang: "ko", browserLocale: "ko-KR" },
] as const;
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const FAILING_IMPACTS = new Set(["serious", "critical"]);

/** What the pages are audited with: promotions in every state, one of them claimed by the user. */
interface Fixtures {
  live: { id: string; slug: string };
  scheduled: { slug: string };
  soldOut: { id: string; slug: string };
  ended: { slug: string };
}

type Viewer = "anonymous" | "user" | "admin";

interface AuditedPage {
  name: string;
  as: Viewer;
  path: (f: Fixtures) => string;
}

// One line per page.
const PAGES: AuditedPage[] = [
  { name: "home", as: "anonymous", path: () => "/" },
  { name: "sign in", as: "anonymous", path: () => "/signin" },
  { name: "sign up", as: "anonymous", path: () => "/signup" },
  { name: "claim page, scheduled", as: "anonymous", path: (f) => `/p/${f.scheduled.slug}` },
  { name: "claim page, live, signed out", as: "anonymous", path: (f) => `/p/${f.live.slug}` },
  { name: "claim page, live, claimed", as: "user", path: (f) => `/p/${f.live.slug}` },
  { name: "claim page, sold out", as: "user", path: (f) => `/p/${f.soldOut.slug}` },
  { name: "claim page, ended", as: "anonymous", path: (f) => `/p/${f.ended.slug}` },
  { name: "home, signed in", as: "user", path: () => "/" },
  { name: "my coupons", as: "user", path: () => "/me/coupons" },
  { name: "admin dashboard", as: "admin", path: () => "/admin" },
  { name: "new promotion", as: "admin", path: () => "/admin/promotions/new" },
  { name: "promotion detail", as: "admin", path: (f) => `/admin/promotions/${f.live.id}` },
  { name: "edit promotion", as: "admin", path: (f) => `/admin/promotions/${f.live.id}/edit` },
  { name: "drop report", as: "admin", path: (f) => `/admin/promotions/${f.soldOut.id}/report` },
  { name: "users", as: "admin", path: () => "/admin/users" },
];

/** The violations as lines a person can act on: rule, impact, what to fix, and where. */
function describeViolations(violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"]): string {
  return violations
    .map((v) =>
      [
        `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
        ...v.nodes.map((n) => `    at ${n.target.join(" ")}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`),
      ].join("\n"),
    )
    .join("\n");
}

/** The page has rendered its content (client components loaded their data). */
async function settled(page: Page) {
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.getByText(/^(Loading|불러오는 중|이벤트를 불러오는 중)/)).toHaveCount(0);
}

let fixtures: Fixtures;
const storage: Partial<Record<Viewer, Awaited<ReturnType<Awaited<ReturnType<Browser["newContext"]>>["storageState"]>>>> = {};

test.beforeAll(async ({ browser, baseURL }) => {
  const admin = await browser.newContext({ baseURL });
  await signIn(admin.request, E2E_ADMIN.email, E2E_ADMIN.password);
  const live = await createPromotion(admin.request, { title: "A11y live drop", totalStock: 10 });
  // A cleared field and a pause in the audit log, as a marketer's edits leave them.
  expect((await admin.request.patch(`/api/admin/promotions/${live.id}`, { data: { description: "" } })).status()).toBe(200);
  expect((await admin.request.post(`/api/admin/promotions/${live.id}/pause`)).status()).toBe(200);
  expect((await admin.request.post(`/api/admin/promotions/${live.id}/resume`)).status()).toBe(200);
  const scheduled = await createPromotion(admin.request, { title: "A11y upcoming drop", startsInMs: 3_600_000 });
  const soldOut = await createPromotion(admin.request, { title: "A11y sold-out drop", totalStock: 1 });
  const ended = await createPromotion(admin.request, { title: "A11y ended drop", startsInMs: -7_200_000, durationMs: 3_600_000 });
  storage.admin = await admin.storageState();
  await admin.close();

  const user = await browser.newContext({ baseURL });
  await signUpAndSignIn(user.request);
  for (const p of [live, soldOut]) expect((await user.request.post(`/api/promotions/${p.id}/claim`)).status()).toBe(201);
  storage.user = await user.storageState();
  await user.close();
  fixtures = { live, scheduled, soldOut, ended };
});

for (const { lang, browserLocale } of LANGUAGES) {
  for (const width of WIDTHS) {
    for (const audited of PAGES) {
      // English keeps the names it always had; Korean runs are marked.
      const name = `a11y: ${audited.name} at ${width}px${lang === "en" ? "" : ` (${lang})`}`;
      test(name, async ({ browser, baseURL }) => {
        const context = await browser.newContext({
          baseURL,
          locale: browserLocale,
          viewport: { width, height: 900 },
          storageState: audited.as === "anonymous" ? undefined : storage[audited.as],
        });
        try {
          const page = await context.newPage();
          await page.goto(audited.path(fixtures));
          await expect(page.locator("html")).toHaveAttribute("lang", lang);
          await settled(page);
          const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
          const failing = violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ""));
          const minor = violations.filter((v) => !FAILING_IMPACTS.has(v.impact ?? ""));
          if (minor.length > 0) console.log(`${name}, minor:\n${describeViolations(minor)}`);
          expect(
            failing.map((v) => v.id),
            `${name}:\n${describeViolations(failing)}`,
          ).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
}
