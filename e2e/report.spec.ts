// The drop report after a small drop against the production server (fast lane claims): the
// charts and their tables show the right totals, CSV and JSON download, the page prints without
// navigation, and /api/metrics counts the fast lane's claims.
import { readFile } from "node:fs/promises";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { appServerEnv, E2E_ADMIN } from "../playwright.config";
import { adminRequest, createPromotion, signIn, signUpAndSignIn } from "./helpers";

test.use({ viewport: { width: 1280, height: 900 } });

const PEOPLE = 8;
const STOCK = 3;

interface ReportJson {
  summary: { requests: number; winners: number; uniqueTriers: number; outcomes: Record<string, number>; issued: number };
  series: { outcomes: Record<string, number>; total: number; remaining: number | null }[];
}

async function metric(request: APIRequestContext, name: string, labels: Record<string, string>) {
  const res = await request.get("/api/metrics", { headers: { authorization: `Bearer ${appServerEnv.METRICS_TOKEN}` } });
  expect(res.status()).toBe(200);
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = (await res.text()).split("\n").find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.split(" ").pop());
}

test("a small drop's report: charts, tables with the right totals, CSV and JSON, print, metrics", async ({
  page,
  baseURL,
}, testInfo) => {
  const admin = await adminRequest(baseURL!);
  const promotion = await createPromotion(admin, { totalStock: STOCK });
  const wonBefore = (await metric(admin, "coupon_claims_total", { outcome: "won" })) ?? 0;

  // Eight people press at once; the first two press a second time.
  const people = await Promise.all(
    Array.from({ length: PEOPLE }, async () => {
      const request = await playwrightRequest.newContext({ baseURL });
      await signUpAndSignIn(request);
      return request;
    }),
  );
  const press = (r: APIRequestContext) => r.post(`/api/promotions/${promotion.id}/claim`).then((res) => res.status());
  const statuses = await Promise.all([...people.map(press), ...people.slice(0, 2).map(press)]);
  expect(statuses.filter((s) => s === 201)).toHaveLength(STOCK);
  const requests = statuses.length;

  // The counters are flushed about once a second.
  let report: ReportJson | undefined;
  await expect
    .poll(async () => {
      report = (await (await admin.get(`/api/admin/promotions/${promotion.id}/report`)).json()) as ReportJson;
      return report.summary.requests;
    })
    .toBe(requests);
  const { summary } = report!;
  expect(summary.winners).toBe(STOCK);
  expect(summary.outcomes.won).toBe(STOCK);
  expect(summary.outcomes.soldOut + summary.outcomes.alreadyClaimed).toBe(requests - STOCK);
  expect(summary.issued).toBe(STOCK);
  // Redis counts the people who tried with a HyperLogLog (an estimate).
  expect(Math.abs(summary.uniqueTriers - PEOPLE)).toBeLessThanOrEqual(1);
  expect(report!.series.at(-1)?.remaining).toBe(0);

  // The fast lane's claims are in the metrics Next's route handler serves (one registry).
  expect(((await metric(admin, "coupon_claims_total", { outcome: "won" })) ?? 0) - wonBefore).toBeGreaterThanOrEqual(STOCK);
  expect(await metric(admin, "coupon_stock_remaining", { promotion: promotion.id })).toBe(0);

  // The page.
  await signIn(page.request, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto(`/admin/promotions/${promotion.id}`);
  await page.getByRole("link", { name: "Drop report" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/promotions/${promotion.id}/report$`));
  await expect(page.getByRole("heading", { name: `Drop report: ${promotion.title}` })).toBeVisible();
  const summaryValue = (key: string) => page.locator(`[data-summary="${key}"] dd`);
  await expect(summaryValue("won")).toHaveText(String(STOCK));
  await expect(summaryValue("requests")).toHaveText(String(requests));
  await expect(summaryValue("tried")).toHaveText(String(summary.uniqueTriers));
  await expect(summaryValue("sell-out")).toHaveText(/^\d+\.\d s$/);

  for (const title of ["Remaining stock over time", "Claims per second, by outcome", "Claim latency over time (p50, p99)"]) {
    const figure = page.getByRole("figure", { name: title });
    await expect(figure.getByRole("img")).toBeVisible();
    // uPlot drew it.
    await expect(figure.locator("canvas")).toHaveCount(1);
  }
  const claimsFigure = page.getByRole("figure", { name: "Claims per second, by outcome" });
  await claimsFigure.getByText("Data table: Claims per second, by outcome").click();
  const table = claimsFigure.getByRole("table", { name: "Claim answers per second by outcome" });
  await expect(table).toBeVisible();
  await expect(table.locator('tfoot [data-outcome="won"]')).toHaveText(String(STOCK));
  await expect(table.locator('tfoot [data-outcome="total"]')).toHaveText(String(requests));
  // The rows add up to the footer.
  const rowTotals = await table.locator("tbody tr td:last-child").allTextContents();
  expect(rowTotals.map(Number).reduce((a, b) => a + b, 0)).toBe(requests);
  const remainingFigure = page.getByRole("figure", { name: "Remaining stock over time" });
  await remainingFigure.getByText("Data table: Remaining stock over time").click();
  await expect(remainingFigure.getByRole("table").locator("tbody tr").last().locator("td")).toHaveText("0");
  await page.screenshot({ path: testInfo.outputPath("drop-report.png"), fullPage: true });

  // CSV and JSON downloads.
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const csv = (await readFile(await (await csvDownload).path(), "utf8")).trim().split("\n");
  const header = csv[0].split(",");
  expect(header.slice(0, 3)).toEqual(["second", "won", "sold_out"]);
  const column = (name: string) => csv.slice(1).reduce((sum, line) => sum + Number(line.split(",")[header.indexOf(name)]), 0);
  expect(column("won")).toBe(STOCK);
  expect(column("total")).toBe(requests);
  const jsonDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download JSON" }).click();
  const downloaded = JSON.parse(await readFile(await (await jsonDownload).path(), "utf8")) as ReportJson;
  expect(downloaded.summary.outcomes.won).toBe(STOCK);
  expect(downloaded.series.reduce((sum, p) => sum + p.total, 0)).toBe(requests);

  // On paper: no navigation, no buttons; the charts stay within the page.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Admin" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Download CSV" })).toBeHidden();
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  for (const canvas of await page.locator(".report-chart canvas").all()) {
    expect((await canvas.boundingBox())!.width).toBeLessThanOrEqual(width);
  }
  await page.emulateMedia({ media: "screen" });

  await Promise.all([admin.dispose(), ...people.map((p) => p.dispose())]);
});

test("the metrics endpoint refuses a wrong token with 401 in the error shape", async ({ request }) => {
  const res = await request.get("/api/metrics", { headers: { authorization: "Bearer not-the-token" } });
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ error: "UNAUTHENTICATED" });
});
