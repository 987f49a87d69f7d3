// `npm test`: every suite (vitest: unit + integration; Playwright: end-to-end), each run even if
// an earlier one failed, then one closing line with the totals: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";

const VITEST_REPORT = "test-results/vitest.json";
const PLAYWRIGHT_REPORT = "test-results/playwright.json";

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return result.status === 0;
}

function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

rmSync(VITEST_REPORT, { force: true });
rmSync(PLAYWRIGHT_REPORT, { force: true });

const vitestOk = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${VITEST_REPORT}`]);
const playwrightOk = run("npx", ["playwright", "test"]);

const totals = { passed: 0, failed: 0, skipped: 0 };
const vitest = readReport(VITEST_REPORT);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
const playwright = readReport(PLAYWRIGHT_REPORT);
if (playwright) {
  totals.passed += playwright.stats.expected + playwright.stats.flaky;
  totals.failed += playwright.stats.unexpected;
  totals.skipped += playwright.stats.skipped;
}
// A suite that failed without a report (it crashed before running) still counts as a failure.
if (!vitestOk && !vitest?.numFailedTests) totals.failed += 1;
if (!playwrightOk && !playwright?.stats.unexpected) totals.failed += 1;

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(vitestOk && playwrightOk ? 0 : 1);
