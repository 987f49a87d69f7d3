// `npm run bench`: load benchmark of a drop (claims, sold-out answers, stock reads). Builds, creates its own
// database and Redis key prefix, starts the production server (`npm start`: Next behind the
// claim/stock fast lane) and two bare node:http floors: the durable floor (session cookie, claim
// script, one guarded claim-row statement per winner) for the winning-claim scenarios and the bare
// script floor (claim script only) for the others. Runs each scenario against the app and its
// floor, prints one JSON object per scenario on stdout (progress goes to stderr) and writes
// bench/RESULTS.md. Everything it started or created is removed at the end, also on failure or
// Ctrl-C. Traffic goes to 127.0.0.1 only.
//
// Scenario (h), the sign-in storm, runs after the others against the same server
// (bench/sign-in-storm.mjs): sign-ins against the KDF alone, and the claims' p99 beside it.
//
// Scenarios (i, j, k), the cold bursts (issue #19): the first second of a drop, each on a
// promotion the server never served, by users whose cookies it never decoded, after the long
// runs against the same servers; then, unless BENCH_PROFILE=0, once more on a fresh profiled server.
//
// Environment: BENCH_SCENARIOS (which scenarios, by letter or name, comma-separated: "g" runs the
// fair drop alone, "h" the sign-in storm, "a,c,f,i,j,k" the cold bursts beside their long runs; default all. A run of some only prints their lines and, if (h) is among them,
// replaces (h)'s section of RESULTS.md; only a run of all rewrites it), BENCH_SKIP_BUILD=1 (use the existing .next build), BENCH_DURATION (seconds per
// timed run, default 8), BENCH_USERS (users with sessions for the unique-user scenarios,
// default 40000, at least the drop's 20000), BENCH_PROFILE=0 (skip the CPU profile of the Next
// server), BENCH_KEEP=1 (keep the server logs and the .cpuprofile in the temporary folder it
// names).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { deleteKeys, dropDatabase } from "../tests/support/cleanup.ts";
import {
  claimTimes,
  commitBatches,
  committedTransactions,
  createDatabase,
  insertPromotion,
  insertUsers,
  loadIntoRedis,
  mintCookies,
  storeSignInStates,
  promotionSpec,
  withClient,
} from "./data.mjs";
import { CONNECTIONS, runLoad } from "./load.mjs";
import { runFairDrop } from "./fair-drop.mjs";
import { gcEvents, gcSummary, loadWindow, summarizeProfile } from "./profile.mjs";
import {
  checkTargets,
  machine,
  burstSection,
  replaceBurstSection,
  replaceSignInStormSection,
  scenarioLine,
  signInStormSection,
  writeResultsMarkdown,
} from "./report.mjs";
import {
  BURST_DROP_STOCK,
  BURST_POOLS,
  DROP_CONNECTIONS,
  DROP_STOCK,
  DROP_USERS,
  FLASH_STOCK,
  FLASH_USERS,
  appTarget,
  bareFloorTarget,
  durableFloorTarget,
  coldBursts,
  cyclingUsers,
  scenarios,
  uniqueUsers,
} from "./scenarios.mjs";
import { freePort, startApp, startFloor, stopServer, waitUntilReady } from "./servers.mjs";
import { insertSignInUsers, runSignInStorm, signInStormTargets } from "./sign-in-storm.mjs";

const RUN_ID = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
const DATABASE_URL = `postgresql://postgres@127.0.0.1:5432/coupon_bench_${RUN_ID}`;
const REDIS_URL = "redis://127.0.0.1:6379";
const KEY_PREFIX = `bench:${RUN_ID}:`;
const BARE_FLOOR_KEY_PREFIX = `${KEY_PREFIX}bare:`;
const DURABLE_FLOOR_KEY_PREFIX = `${KEY_PREFIX}durable:`;
const SECRET = `bench-${RUN_ID}-${randomBytes(16).toString("hex")}`;

const DURATION_S = positiveInt(process.env.BENCH_DURATION, 8);
// Pool a also serves the drop, so it holds at least the drop's users.
const USERS = Math.max(positiveInt(process.env.BENCH_USERS, 40_000), DROP_USERS);
const SKIP_BUILD = process.env.BENCH_SKIP_BUILD === "1";
const PROFILE = process.env.BENCH_PROFILE !== "0";
const KEEP_WORK_DIR = process.env.BENCH_KEEP === "1";
const WARMUP_S = 2;
// PostgreSQL publishes an idle backend's counters up to 10 s late; wait that out before reading.
const STATS_SETTLE_MS = 11_500;
const BUILD_TIMEOUT_MS = 15 * 60_000;
const RUN_TIMEOUT_MS = 40 * 60_000;

const BENCH_DIR = path.dirname(new URL(import.meta.url).pathname);
const RESULTS_FILE = path.join(BENCH_DIR, "RESULTS.md");
const FINDINGS_FILE = path.join(BENCH_DIR, "findings.md");
const FINDINGS_H_FILE = path.join(BENCH_DIR, "findings-h.md");
const FINDINGS_BURSTS_FILE = path.join(BENCH_DIR, "findings-bursts.md");

const FAIR_DROP = "g-fair-drop"; // bench/fair-drop.mjs, after the scenarios of bench/scenarios.mjs
const SIGN_IN_STORM = "h-sign-in-storm";
const BURSTS = coldBursts().map((s) => s.name);
const ALL_SCENARIOS = [...scenarios(1).map((s) => s.name), FAIR_DROP, SIGN_IN_STORM];
const SELECTED = selectScenarios(process.env.BENCH_SCENARIOS);
const selected = (name) => SELECTED.includes(name);

/** "a,h" or "h-sign-in-storm" -> the scenario names; unset or empty -> all of them. */
function selectScenarios(value) {
  const wanted = (value ?? "")
    .split(",")
    .map((w) => w.trim())
    .filter(Boolean);
  if (!wanted.length) return ALL_SCENARIOS;
  const names = wanted.map((w) => ALL_SCENARIOS.find((name) => name === w || name.split("-")[0] === w));
  const unknown = wanted.filter((_, i) => !names[i]);
  if (unknown.length) throw new Error(`BENCH_SCENARIOS: unknown ${unknown.join(", ")}; known: ${ALL_SCENARIOS.join(", ")}`);
  return names;
}

function positiveInt(value, fallback) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const progress = (message) => console.error(`[bench] ${message}`);

// ---- cleanup: every resource registers its own removal; they run last-in first-out, once ----

const cleanups = [];
let cleaning = null;

function onCleanup(step) {
  cleanups.push(step);
}

function cleanUp() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const step = cleanups.pop();
      try {
        await step();
      } catch (error) {
        progress(`cleanup step failed: ${error?.message ?? error}`);
      }
    }
  })();
  return cleaning;
}

function abortOn(signal, code) {
  process.once(signal, () => {
    progress(`${signal}: cleaning up`);
    cleanUp().finally(() => process.exit(code));
  });
}

// ---- steps ----

function build() {
  progress("npm run build (BENCH_SKIP_BUILD=1 skips this)");
  // Own process group, so a timeout can stop npm and the `next build` under it together.
  const child = spawn("npm", ["run", "build"], { stdio: ["ignore", 2, 2], detached: true });
  const killGroup = () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
  };
  onCleanup(killGroup);
  const timer = setTimeout(killGroup, BUILD_TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`npm run build failed (${signal ?? `exit ${code}`})`));
    });
  });
}

async function prepareData() {
  progress(`database coupon_bench_${RUN_ID}, Redis prefix ${KEY_PREFIX}`);
  onCleanup(() => dropDatabase(DATABASE_URL));
  onCleanup(() => deleteKeys(REDIS_URL, KEY_PREFIX));
  await createDatabase(DATABASE_URL);
  const id = (name) => `${name}${RUN_ID}`;
  // The app and the bare floor share these (the bare floor's copy lives under its own Redis
  // prefix and writes nothing); the durable floor writes claim rows, so it gets its own
  // promotions with the same stock and never shares stock with the app.
  const promotions = {
    big: promotionSpec(id("big"), 10_000_000),
    flash: promotionSpec(id("flash"), FLASH_STOCK),
    soldOut: promotionSpec(id("soldout"), 100, 100),
    drop: promotionSpec(id("drop"), DROP_STOCK),
    profile: promotionSpec(id("profile"), 10_000_000),
    // (h): the claims beside the sign-in storm, each run on its own so the same users win again.
    hWarm: promotionSpec(id("hwarm"), 10_000_000),
    hAlone: promotionSpec(id("halone"), 10_000_000),
    hStorm: promotionSpec(id("hstorm"), 10_000_000),
    hHammer: promotionSpec(id("hhammer"), 10_000_000),
    // The cold bursts (i, j, k): never primed, so the app's Redis holds nothing of them until the
    // first press; "just sold out": every coupon claimed elsewhere. The prof* copies are the
    // profiled server's own, equally unseen by it.
    ...burstPromotions(id, ""),
    ...burstPromotions(id, "prof"),
  };
  const durablePromotions = {
    big: promotionSpec(id("durable-big"), 10_000_000),
    flash: promotionSpec(id("durable-flash"), FLASH_STOCK),
    drop: promotionSpec(id("durable-drop"), DROP_STOCK),
    burstDrop: promotionSpec(id("durable-burstdrop"), BURST_DROP_STOCK),
    burstWinners: promotionSpec(id("durable-burstwinners"), 10_000_000),
  };
  const burstUsers = Object.values(BURST_POOLS).reduce((n, size) => n + size, 0);
  progress(`inserting ${USERS + FLASH_USERS + burstUsers} users and minting their session cookies`);
  const pools = await withClient(DATABASE_URL, async (client) => {
    for (const p of [...Object.values(promotions), ...Object.values(durablePromotions)]) await insertPromotion(client, p);
    const pools = { a: await userPool(client, "a", USERS), b: await userPool(client, "b", FLASH_USERS) };
    // Fresh people for each cold burst: signed in (their session state stored, as sign-in does),
    // cookies minted here, never sent to any server before their burst.
    for (const [letter, size] of Object.entries(BURST_POOLS)) pools[letter] = await userPool(client, letter, size);
    return pools;
  });
  const signInUsers = await withClient(DATABASE_URL, (client) => insertSignInUsers(client, "h"));
  await loadIntoRedis(REDIS_URL, BARE_FLOOR_KEY_PREFIX, Object.values(promotions));
  await loadIntoRedis(REDIS_URL, DURABLE_FLOOR_KEY_PREFIX, Object.values(durablePromotions));
  return { promotions, durablePromotions, pools, signInUsers };
}

function burstPromotions(id, prefix) {
  const key = (name) => (prefix ? `${prefix}${name[0].toUpperCase()}${name.slice(1)}` : name);
  return {
    [key("burstDrop")]: promotionSpec(id(`${prefix}burstdrop`), BURST_DROP_STOCK),
    [key("burstSoldOut")]: promotionSpec(id(`${prefix}burstsoldout`), BURST_DROP_STOCK, BURST_DROP_STOCK),
    [key("burstWinners")]: promotionSpec(id(`${prefix}burstwinners`), 10_000_000),
  };
}

async function userPool(client, prefix, size) {
  const ids = await insertUsers(client, prefix, size);
  await storeSignInStates(REDIS_URL, KEY_PREFIX, ids);
  return { prefix, size, cookies: await mintCookies(ids, SECRET) };
}

function appEnv(port) {
  return {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    RATE_LIMIT: "off",
    ISSUING_WORKER: "off",
    DATABASE_URL,
    REDIS_URL,
    REDIS_KEY_PREFIX: KEY_PREFIX,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: SECRET,
  };
}

async function startNextServer(work, name, cpuProfileDir, options = {}) {
  const port = await freePort();
  const server = startApp({ port, env: appEnv(port), logFile: path.join(work, `${name}.log`), cpuProfileDir, ...options });
  onCleanup(() => stopServer(server));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(server, `${url}/api/health`);
  return { server, url };
}

const FLOOR_ENV = {
  "bare-floor": { REDIS_URL, REDIS_KEY_PREFIX: BARE_FLOOR_KEY_PREFIX },
  "durable-floor": { REDIS_URL, REDIS_KEY_PREFIX: DURABLE_FLOOR_KEY_PREFIX, DATABASE_URL, NEXTAUTH_SECRET: SECRET },
};

async function startFloorServer(work, name) {
  const port = await freePort();
  const server = startFloor(name, { port, env: FLOOR_ENV[name], logFile: path.join(work, `${name}.log`) });
  onCleanup(() => stopServer(server));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(server, `${url}/health`);
  return { server, url };
}

/** A page polls the stock before a drop; that read also loads the promotion into Redis. */
async function primeStock(url, promotions) {
  for (const p of promotions) {
    const res = await fetch(`${url}/api/promotions/${p.id}/stock`, { signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`priming the stock of ${p.id} answered ${res.status}`);
  }
}

const dbTransactions = () => withClient(DATABASE_URL, committedTransactions);

async function sleepUntil(ms) {
  if (ms > Date.now()) await sleep(ms - Date.now());
}

/**
 * Runs every scenario: warm-ups, the floor's timed run, then the app's timed run between two
 * readings of PostgreSQL's transaction counter, each taken once earlier database traffic (the
 * app's, or the durable floor's: same database) has settled.
 */
async function runScenarios(targets) {
  const lines = [];
  let lastDbTraffic = Date.now();
  const load = async (s, target, users, limit) => {
    const result = await runLoad({
      url: target.url,
      pid: target.pid,
      method: s.method,
      path: s.path(target, target.promotions[s.promotion]),
      limit,
      connections: s.connections,
      headersFor: users,
    });
    if (target.writesDatabase) lastDbTraffic = Date.now();
    return result;
  };
  let processesWarm = false;
  for (const s of scenarios(DURATION_S).filter((s) => selected(s.name))) {
    progress(`scenario ${s.name}: ${s.about}`);
    const floorTarget = s.floor === "durable" ? targets.durableFloor : targets.bareFloor;
    const appUsers = s.users(targets.app);
    const floorUsers = s.users(floorTarget);
    if (s.cold && !processesWarm) {
      // A cold burst alone: every server first serves claims of another promotion for a while,
      // as a server that has been up would have; the long runs do that when they run first.
      const warm = scenarios(DURATION_S)[0];
      for (const t of [targets.app, targets.durableFloor, targets.bareFloor])
        await load(warm, t, warm.users(t), { duration: WARMUP_S });
    }
    processesWarm ||= s.method === "POST";
    if (s.warmup) {
      await load(s, targets.app, appUsers, { duration: WARMUP_S });
      await load(s, floorTarget, floorUsers, { duration: WARMUP_S });
    }
    const floor = await load(s, floorTarget, floorUsers, s.limit);
    await sleepUntil(lastDbTraffic + STATS_SETTLE_MS);
    if (s.scheduled) await openSoon(targets.app.promotions[s.promotion]);
    const before = await dbTransactions();
    const app = await load(s, targets.app, appUsers, s.limit);
    await sleepUntil(lastDbTraffic + STATS_SETTLE_MS);
    const transactions = (await dbTransactions()) - before;
    const line = scenarioLine(s, floorTarget.name, app, floor, {
      app: { ...(await sideOutcome(s, targets.app, app)), dbTransactionsPerRequest: perRequest(transactions, app) },
      floor: await sideOutcome(s, floorTarget, floor),
    });
    console.log(JSON.stringify(line));
    lines.push(line);
  }
  return lines;
}

// A scheduled burst's promotion opens this long after the bench sets its start, and the burst is
// sent at that moment: longer than the app's pre-warm lead (lib/promotions/prewarm.ts) plus its poll.
const SCHEDULED_START_MS = 6_000;

/** Moves the promotion's start to SCHEDULED_START_MS from now (in PostgreSQL only) and waits for it. */
async function openSoon(promotion) {
  const startsAt = new Date(Date.now() + SCHEDULED_START_MS);
  await withClient(DATABASE_URL, (client) =>
    client.query(`UPDATE "Promotion" SET "startsAt" = $2 WHERE id = $1`, [promotion.id, startsAt]),
  );
  await sleepUntil(startsAt.getTime() + 20); // the same clock as the engine's: a few ms past T0
}

const perRequest = (transactions, result) => Math.round((transactions / result.requests) * 10_000) / 10_000;
const successes = (result) => Object.entries(result.statusCounts).reduce((n, [s, c]) => (s.startsWith("2") ? n + c : n), 0);
const answers = (result) => Object.values(result.statusCounts).reduce((n, c) => n + c, 0);

/**
 * Winners and oversell of one server's run. Where the winners must be exact (flash crowd,
 * drop) they are counted where they are durable, the Claim rows, with the time of the last
 * winner, the time of the last answer and whether every request sent was answered.
 */
async function sideOutcome(s, target, result) {
  if (s.method !== "POST") return {};
  const promotion = target.promotions[s.promotion];
  const stock = promotion.totalStock - promotion.claimedCount;
  const oversell = (winners) => Math.max(0, winners - stock);
  if (!s.exactWinners) return { winners: successes(result), oversell: oversell(successes(result)) };
  const claimed = await withClient(DATABASE_URL, (client) => claimTimes(client, promotion.id));
  const last = stock - 1;
  return {
    stock,
    winners: claimed.length,
    winnersAnswered: successes(result),
    oversell: oversell(claimed.length),
    settledMs: result.successTimes[last] ?? null,
    settledMsDb: claimed.length > last ? Math.round(claimed[last] - result.startedAt) : null,
    sent: s.limit.amount,
    answered: answers(result),
    timeToLastAnswerMs: result.lastAnswerMs,
  };
}

// The profiled runs: winning claims (a) and the sold-out storm (c), each on a fresh server.
const PROFILED = [
  { scenario: "a-unique-claims", about: "unique-user claims", promotion: "profile", users: uniqueUsers },
  { scenario: "c-sold-out-storm", about: "sold-out storm", promotion: "soldOut", users: cyclingUsers },
];

/** A scenario once more on a server under node's CPU profiler; returns where its time went. */
async function profileClaims(work, { promotions, pools }, spec) {
  progress(`profiling the Next server under ${spec.scenario} (BENCH_PROFILE=0 skips this)`);
  const dir = path.join(work, `cpuprofile-${spec.scenario}`);
  mkdirSync(dir);
  const { server, url } = await startNextServer(work, `app-profiled-${spec.scenario}`, dir);
  const promotion = promotions[spec.promotion];
  await primeStock(url, [promotion]);
  const target = appTarget({ url, pid: server.child.pid, pools, promotions });
  const users = spec.users(target, pools.a);
  const claim = (limit) =>
    runLoad({ url, pid: target.pid, method: "POST", path: target.claimPath(promotion.id), limit, headersFor: users });
  await claim({ duration: WARMUP_S });
  const result = await claim({ duration: DURATION_S });
  const loadEndMs = Date.now();
  await stopServer(server);
  const { at: exitedAtMs } = await server.exited;
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) {
    progress("the profiled server wrote no .cpuprofile");
    return null;
  }
  const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  const window = loadWindow(profile, { loadStartMs: result.startedAt, loadEndMs, exitedAtMs });
  const summary = summarizeProfile(profile, window);
  return {
    ...spec,
    durationS: result.durationS,
    requestsPerSec: result.requestsPerSec,
    cpuMsPerRequest: result.cpuMsPerRequest,
    summary,
  };
}

// The profiled cold bursts sample more often than the long runs: a burst lasts well under a second.
const BURST_PROFILE_INTERVAL_US = 250;

/**
 * The first second, profiled: a fresh production server under node's CPU profiler, with every
 * garbage collection logged as it happens, takes the three cold bursts in a row (i, then j, then
 * k) on its own never-served promotions, with no warm-up at all: the first burst also pays for
 * the JIT. Returns, per burst, its figures, where the CPU time went and its collections.
 */
async function profileBursts(work, { promotions, pools }) {
  progress("profiling the first second: the cold bursts on a fresh server under the CPU profiler (BENCH_PROFILE=0 skips this)");
  const dir = path.join(work, "cpuprofile-bursts");
  mkdirSync(dir);
  const options = { cpuProfileIntervalUs: BURST_PROFILE_INTERVAL_US, gcLog: true };
  const { server, url } = await startNextServer(work, "app-profiled-bursts", dir, options);
  const own = {
    burstDrop: promotions.profBurstDrop,
    burstSoldOut: promotions.profBurstSoldOut,
    burstWinners: promotions.profBurstWinners,
  };
  const target = appTarget({ url, pid: server.child.pid, pools, promotions: { ...promotions, ...own } });
  const runs = [];
  for (const s of coldBursts()) {
    if (s.scheduled) await openSoon(target.promotions[s.promotion]);
    const result = await runLoad({
      url,
      pid: target.pid,
      method: s.method,
      path: s.path(target, target.promotions[s.promotion]),
      limit: s.limit,
      connections: s.connections,
      headersFor: s.users(target),
    });
    runs.push({ s, result, endMs: Date.now() });
    await sleep(500); // the last group commits and the sold-out hint settle outside the next window
  }
  await stopServer(server);
  const { at: exitedAtMs } = await server.exited;
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) {
    progress("the profiled server wrote no .cpuprofile");
    return [];
  }
  const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  const gcs = gcEvents(readFileSync(server.logFile, "utf8"));
  const batchesOf = (s) => withClient(DATABASE_URL, (client) => commitBatches(client, own[s.promotion].id));
  const shown = [];
  for (const run of runs) {
    const batches = run.s.floor === "durable" ? await batchesOf(run.s) : [];
    shown.push({ ...run, batches: firstBatches(batches, run.result.startedAt) });
  }
  return shown.map(({ s, result, endMs, batches }) => ({
    scenario: s.name,
    requests: result.requests,
    requestsPerSec: result.requestsPerSec,
    p99: result.p99,
    lastAnswerMs: result.lastAnswerMs,
    cpuMsPerRequest: result.cpuMsPerRequest,
    statusCounts: result.statusCounts,
    gc: gcSummary(gcs, result.startedAt, endMs),
    batches,
    summary: summarizeProfile(profile, loadWindow(profile, { loadStartMs: result.startedAt, loadEndMs: endMs, exitedAtMs })),
  }));
}

const SHOWN_BATCHES = 8;

/** The first group-commit batches of a burst: how many there were, and the first few as rows @ ms after the first press. */
function firstBatches(batches, startedAt) {
  return {
    count: batches.length,
    rows: batches.reduce((n, b) => n + b.rows, 0),
    first: batches.slice(0, SHOWN_BATCHES).map((b) => ({ rows: b.rows, atMs: Math.round(b.atMs - startedAt) })),
  };
}

/** Scenario (h) against the app: its JSON line, and its section of RESULTS.md. */
async function signInStorm(app, { promotions, pools, signInUsers }, startedAt, host) {
  progress(`scenario ${SIGN_IN_STORM}: sign-ins as fast as answered, against the KDF alone, and the claims beside them`);
  const target = appTarget({ url: app.url, pid: app.server.child.pid, pools, promotions });
  const claims = (promotion, limit) =>
    runLoad({
      url: app.url,
      pid: target.pid,
      method: "POST",
      path: target.claimPath(promotion.id),
      limit,
      headersFor: uniqueUsers(target, pools.a),
    });
  await primeStock(app.url, [promotions.hWarm, promotions.hAlone, promotions.hStorm, promotions.hHammer]);
  const line = await runSignInStorm({
    url: app.url,
    pid: target.pid,
    users: signInUsers,
    claims,
    promotions,
    durationS: DURATION_S,
    warmupS: WARMUP_S,
    progress,
  });
  console.log(JSON.stringify(line));
  const targets = signInStormTargets(line);
  return {
    line,
    targets,
    section: signInStormSection(line, targets, { startedAt, host, durationS: DURATION_S }, FINDINGS_H_FILE),
  };
}

async function main() {
  const startedAt = new Date();
  const host = machine();
  const work = mkdtempSync(path.join(os.tmpdir(), `coupon-bench-${RUN_ID}-`));
  let succeeded = false;
  try {
    if (!SKIP_BUILD) await build();
    const fixtures = await prepareData();
    const app = await startNextServer(work, "app");
    const { promotions, durablePromotions, pools } = fixtures;
    let lines = [];
    if (SELECTED.some((name) => name !== SIGN_IN_STORM)) {
      progress("starting the durable floor and the bare script floor");
      const durableFloor = await startFloorServer(work, "durable-floor");
      const bareFloor = await startFloorServer(work, "bare-floor");
      await primeStock(app.url, [promotions.big, promotions.flash, promotions.soldOut, promotions.drop]);
      const reach = ({ url, server }, promotions) => ({ url, pid: server.child.pid, pools, promotions });
      const targets = {
        app: appTarget(reach(app, promotions)),
        durableFloor: durableFloorTarget(reach(durableFloor, durablePromotions)),
        bareFloor: bareFloorTarget(reach(bareFloor, promotions)),
      };
      lines = await runScenarios(targets);
      if (selected(FAIR_DROP)) {
        const line = await runFairDrop({
          databaseUrl: DATABASE_URL,
          runId: RUN_ID,
          app: targets.app,
          floor: targets.durableFloor,
          pool: pools.a,
          progress,
        });
        console.log(JSON.stringify(line));
        lines.push(line);
      }
      for (const { server } of [durableFloor, bareFloor]) await stopServer(server);
    }
    const storm = selected(SIGN_IN_STORM) ? await signInStorm(app, fixtures, startedAt, host) : null;
    await stopServer(app.server);
    const profiles = [];
    for (const spec of PROFILE ? PROFILED.filter((p) => selected(p.scenario)) : []) {
      const profile = await profileClaims(work, fixtures, spec);
      if (profile) profiles.push(profile);
    }
    const anyBurst = BURSTS.some(selected);
    const bursts = anyBurst && PROFILE ? await profileBursts(work, fixtures) : [];
    for (const b of bursts)
      console.log(
        JSON.stringify({ profiledBurst: b.scenario, ...b, summary: { ...b.summary, areas: undefined, callers: undefined } }),
      );
    const targets = checkTargets(lines);
    const burstBlock = anyBurst ? burstSection(lines, targets, bursts, { startedAt, host }, FINDINGS_BURSTS_FILE) : [];
    const settings = {
      connections: CONNECTIONS,
      dropConnections: DROP_CONNECTIONS,
      durationS: DURATION_S,
      warmupS: WARMUP_S,
      users: USERS + FLASH_USERS,
    };
    if (SELECTED.length === ALL_SCENARIOS.length) {
      writeResultsMarkdown(RESULTS_FILE, {
        startedAt,
        host,
        settings,
        lines,
        targets,
        profiles,
        findingsFile: FINDINGS_FILE,
        signInStorm: storm?.section ?? [],
        coldBursts: burstBlock,
      });
      progress(`wrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
    } else {
      for (const t of targets) progress(`(${t.id}) ${t.goal}: ${t.met ? "met" : "NOT met"} (${t.details.join("; ")})`);
      if (storm) replaceSignInStormSection(RESULTS_FILE, storm.section);
      if (anyBurst) replaceBurstSection(RESULTS_FILE, burstBlock);
      const replaced = [storm && "(h)", anyBurst && "the cold bursts'"].filter(Boolean);
      progress(
        replaced.length
          ? `replaced the ${replaced.join(" and ")} section of ${path.relative(process.cwd(), RESULTS_FILE)}; the rest is from the last full run`
          : "a run of some scenarios: RESULTS.md is left as it is (only a run of all rewrites it)",
      );
    }
    succeeded = true;
  } finally {
    await cleanUp();
    if (succeeded && !KEEP_WORK_DIR) rmSync(work, { recursive: true, force: true });
    else progress(`server logs${PROFILE ? " and CPU profile" : ""} kept in ${work}`);
  }
}

abortOn("SIGINT", 130);
abortOn("SIGTERM", 143);
setTimeout(() => {
  progress(`still running after ${RUN_TIMEOUT_MS / 60_000} min: giving up`);
  cleanUp().finally(() => process.exit(1));
}, RUN_TIMEOUT_MS).unref();

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
