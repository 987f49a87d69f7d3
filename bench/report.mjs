// The figures of a run: one JSON object per scenario, the performance targets, and
// bench/RESULTS.md (generated figures followed by the hand-written findings in findings.md).
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { BURST_DROP_STOCK, BURST_WINNERS, DROP_PRESSES, DROP_STOCK, FAIR_STOCK, FLASH_STOCK } from "./scenarios.mjs";

const round2 = (n) => Math.round(n * 100) / 100;

/** What a load run gives, the same for the app and its floor. */
function figures(result) {
  return {
    requestsPerSec: result.requestsPerSec,
    cpuMsPerRequest: result.cpuMsPerRequest,
    p50: result.p50,
    p99: result.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCounts: result.statusCounts,
    ...(result.stoppedEarly ? { stoppedEarly: result.stoppedEarly, durationS: result.durationS } : {}),
  };
}

/**
 * The JSON line of one scenario: the app's figures, the floor's (named in floor.server) and the
 * ratio, app req/s / floor req/s, or for the drop floor time to last answer / app's (> 1: the app
 * is faster). `outcome.app` / `outcome.floor` add what only some scenarios have: winners,
 * oversell, settledMs, timeToLastAnswerMs, and the app's database transactions per request.
 */
export function scenarioLine(scenario, floorName, app, floor, outcome) {
  const line = {
    scenario: scenario.name,
    ...figures(app),
    ...outcome.app,
    floor: { server: floorName, ...figures(floor), ...outcome.floor },
  };
  const byTime = scenario.ratioBy === "timeToLastAnswer";
  line.ratioOf = byTime ? "floor time to last answer / app time to last answer" : "app req/s / floor req/s";
  line.ratio = byTime
    ? round2(line.floor.timeToLastAnswerMs / line.timeToLastAnswerMs)
    : round2(app.requestsPerSec / floor.requestsPerSec);
  return line;
}

/** The performance targets (and the flash crowd's exactness), each with met, the figure and the gap. */
export function checkTargets(lines) {
  const by = Object.fromEntries(lines.map((l) => [l.scenario, l]));
  const targets = [];
  const a = by["a-unique-claims"];
  if (a) {
    targets.push(
      target("a", "winning claims >= 1.5x the durable floor and p99 <= 50 ms at 100 connections", a.ratio >= 1.5 && a.p99 <= 50, [
        gap("ratio", a.ratio, 1.5, ">="),
        gap("p99 ms", a.p99, 50, "<="),
      ]),
    );
  }
  const b = by["b-flash-crowd"];
  if (b) {
    targets.push(
      target(
        "b",
        `flash crowd: exactly ${FLASH_STOCK} winners, settled in < 3 s`,
        b.winners === FLASH_STOCK && b.settledMs < 3000,
        [`winners ${b.winners} (oversell ${b.oversell})`, gap("settled ms", b.settledMs, 3000, "<")],
      ),
    );
  }
  const c = by["c-sold-out-storm"];
  if (c) targets.push(target("c", "sold-out storm >= 1.0x the bare floor", c.ratio >= 1.0, [gap("ratio", c.ratio, 1.0, ">=")]));
  const d = by["d-stock-read"];
  if (d) {
    targets.push(
      target("d", "stock read >= 1.0x the bare floor", d.ratio >= 1.0, [
        gap("ratio", d.ratio, 1.0, ">="),
        `${d.dbTransactionsPerRequest} database transactions per request (PostgreSQL's xact_commit)`,
      ]),
    );
  }
  const f = by["f-realistic-drop"];
  if (f) {
    const goal = `realistic drop >= 1.5x the durable floor (time to last answer), exactly ${DROP_STOCK} winners, every press answered`;
    targets.push(
      target("f", goal, f.ratio >= 1.5 && dropIsExact(f), [
        gap("ratio", f.ratio, 1.5, ">="),
        dropCheck("app", f),
        dropCheck("durable floor", f.floor),
      ]),
    );
  }
  const g = by["g-fair-drop"];
  if (g) {
    const exact =
      g.winners === FAIR_STOCK &&
      g.claimRows === FAIR_STOCK &&
      g.lowestTicketsWin &&
      g.ticketsRecomputed === g.entrants &&
      g.seedMatchesCommitment;
    targets.push(
      target(
        "g",
        `fair drop: entries >= 1.0x the durable floor, settled <= 1 s after T0, exactly the ${FAIR_STOCK} lowest tickets win`,
        g.ratio >= 1.0 && g.settledMsAfterT0 !== null && g.settledMsAfterT0 <= 1000 && exact,
        [
          gap("entries ratio", g.ratio, 1.0, ">="),
          gap("settled ms after T0", g.settledMsAfterT0, 1000, "<="),
          `${g.winners} winners and ${g.claimRows} claim rows of ${g.entrants} entrants (${g.acknowledged} acknowledged), lowest tickets ${g.lowestTicketsWin ? "win" : "do NOT win"}, ${g.ticketsRecomputed} of ${g.entrants} tickets recomputed from the revealed seed, seed ${g.seedMatchesCommitment ? "matches" : "does NOT match"} its hash`,
        ],
      ),
    );
  }
  targets.push(...burstTargets(by));
  return targets;
}

/** The cold bursts' targets (issue #19): the first second of a drop. */
function burstTargets(by) {
  const targets = [];
  const i = by["i-burst-drop"];
  if (i) {
    const goal = `burst drop >= 1.5x the durable floor measured the same way cold (time to last answer), p99 <= 50 ms, exactly ${BURST_DROP_STOCK} winners, every press answered`;
    targets.push(
      target("i", goal, i.ratio >= 1.5 && i.p99 <= 50 && dropIsExact(i), [
        gap("ratio", i.ratio, 1.5, ">="),
        gap("p99 ms", i.p99, 50, "<="),
        dropCheck("app", i),
        dropCheck("durable floor", i.floor),
      ]),
    );
  }
  const j = by["j-burst-sold-out"];
  if (j) {
    targets.push(
      target("j", "sold-out burst >= 1.0x the bare floor, p99 <= 50 ms", j.ratio >= 1.0 && j.p99 <= 50, [
        gap("ratio", j.ratio, 1.0, ">="),
        gap("p99 ms", j.p99, 50, "<="),
        `${j.winners} winners (oversell ${j.oversell})`,
      ]),
    );
  }
  const k = by["k-burst-winners"];
  if (k) {
    targets.push(
      target("k", `winners' p99 <= 50 ms in the first ${BURST_WINNERS.toLocaleString("en")} unique-user claims`, k.p99 <= 50, [
        gap("p99 ms", k.p99, 50, "<="),
        `ratio to the durable floor ${k.ratio} (not a target); ${k.winners} winners`,
      ]),
    );
  }
  return targets;
}

/** The drop's correctness: the stock exactly, in rows and in 2xx answers, and an answer to every press. */
function dropIsExact(side) {
  const allAnswered = side.answered === side.sent && side.errors === 0 && side.timeouts === 0;
  return side.winners === side.stock && side.winnersAnswered === side.stock && allAnswered;
}

function dropCheck(label, side) {
  const verdict = dropIsExact(side) ? "exact" : "NOT exact";
  return `${label} ${verdict}: ${side.winners} claim rows, ${side.winnersAnswered} 2xx answers, ${side.answered} of ${side.sent} presses answered, ${side.errors} errors, ${side.timeouts} timeouts`;
}

const target = (id, goal, met, details) => ({ id, goal, met, details });

function gap(label, value, limit, op) {
  if (value === null || value === undefined) return `${label}: not measured`;
  const ok = op === ">=" ? value >= limit : op === "<=" ? value <= limit : value < limit;
  if (ok) return `${label} ${value} (target ${op} ${limit})`;
  const factor = op === ">=" ? limit / value : value / limit;
  return `${label} ${value} (target ${op} ${limit}: off by ${round2(Math.abs(value - limit))}, ${round2(factor)}x)`;
}

export function machine() {
  return {
    nproc: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    kernel: os.release(),
    loadAverageAtStart: os.loadavg().map(round2),
  };
}

export function writeResultsMarkdown(
  file,
  { startedAt, host, settings, lines, targets, profiles, findingsFile, signInStorm = [], coldBursts = [] },
) {
  const parts = [
    "# Benchmark results",
    "",
    "Generated by `npm run bench` (bench/run.mjs); the findings at the end are written by hand in",
    "bench/findings.md. All figures come from one run on a shared box, so compare ratios, not absolutes.",
    "",
    `- Date: ${startedAt.toISOString()}`,
    `- Machine: ${host.nproc} cores, ${host.memoryGiB} GiB, Node ${host.node}, kernel ${host.kernel}, load average at start ${host.loadAverageAtStart.join(" / ")}`,
    `- Load: autocannon in the harness process over loopback, ${settings.connections} connections, ${settings.durationS} s per timed run (after a ${settings.warmupS} s warm-up; the flash crowd is 10,000 requests and the drop ${DROP_PRESSES.length.toLocaleString("en")} requests over ${settings.dropConnections} connections, both unwarmed), ${settings.users.toLocaleString("en")} users with real session cookies`,
    "- Durable floor (a, b, f): bench/durable-floor-server.mjs, bare node:http that decodes the same next-auth session cookie (jose, key derived once), runs the app's claim script through its own Redis engine and commits one guarded statement per winner (the per-winner form of the app's batch statement) through pg (pool of 10) before answering; its own promotions with the same stock",
    "- Bare script floor (c, d): bench/baseline-server.mjs, bare node:http calling the app's own Redis stock engine (same Lua script, same ioredis client), no session (user id in a header), no database",
    "- Ratio: app req/s / floor req/s; for f, floor time to last answer / app time to last answer. Above 1 the app is faster",
    "- Server CPU ms / request: the server process's own user + system CPU time (from /proc) over the timed run, divided by the requests it answered; unlike req/s it hardly depends on what else the box runs",
    "",
    "## Figures",
    "",
    "| scenario | floor | app req/s | app p50 / p99 ms | floor req/s | floor p50 / p99 ms | ratio | server CPU ms / request, app / floor | app statuses | winners, app / floor | oversell, app / floor | app DB tx / request |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...lines.map(figureRow),
    "",
    ...flashDetails(lines),
    ...dropDetails(lines),
    "## Targets",
    "",
    ...targets.map((t) => `- (${t.id}) ${t.goal}: **${t.met ? "met" : "not met"}** (${t.details.join("; ")})`),
    "",
    ...signInStorm,
    ...coldBursts,
    ...(profiles.length
      ? profiles.flatMap(profileSection)
      : ["## CPU profile", "", "Not taken in this run (BENCH_PROFILE=0).", ""]),
    readFileSync(findingsFile, "utf8").trim(),
    "",
  ];
  writeFileSync(file, parts.join("\n"));
}

const statuses = (counts) =>
  Object.entries(counts)
    .map(([s, n]) => `${s}: ${n}`)
    .join(", ");
const pair = (app, floor) => `${app ?? "-"} / ${floor ?? "-"}`;

function figureRow(l) {
  const f = l.floor;
  return `| ${l.scenario} | ${f.server} | ${l.requestsPerSec} | ${l.p50} / ${l.p99} | ${f.requestsPerSec} | ${f.p50} / ${f.p99} | ${l.ratio} | ${pair(l.cpuMsPerRequest, f.cpuMsPerRequest)} | ${statuses(l.statusCounts)} | ${pair(l.winners, f.winners)} | ${pair(l.oversell, f.oversell)} | ${l.dbTransactionsPerRequest ?? "-"} |`;
}

function flashDetails(lines) {
  const b = lines.find((l) => l.scenario === "b-flash-crowd");
  if (!b) return [];
  return [
    `Flash crowd: ${b.winners} winners in the database (oversell ${b.oversell}); the ${FLASH_STOCK}th winner's 201 arrived ${b.settledMs} ms after the first request was sent (its claim row's claimedAt: ${b.settledMsDb} ms); the durable floor's ${FLASH_STOCK}th winner after ${b.floor.settledMs} ms (claimedAt: ${b.floor.settledMsDb} ms), ${b.floor.winners} rows.`,
    "",
  ];
}

function dropDetails(lines) {
  const f = lines.find((l) => l.scenario === "f-realistic-drop");
  if (!f) return [];
  const side = (label, s) =>
    `${label} answered ${s.answered} of ${s.sent} presses (${s.errors} errors, ${s.timeouts} timeouts), the last ${s.timeToLastAnswerMs} ms after the first was sent; ${s.winners} claim rows, ${s.winnersAnswered} 2xx answers, ${s.statusCounts["409"] ?? 0} 409s; the ${DROP_STOCK}th winner's answer after ${s.settledMs} ms`;
  return [`Realistic drop: the ${side("app", f)}. The ${side("durable floor", f.floor)}. Ratio ${f.ratio}.`, ""];
}

function profileSection(profile) {
  return [
    `## CPU profile of the production server (${profile.scenario}, ${profile.about})`,
    "",
    `\`node --cpu-prof\` on the production server (\`npm start\`) during a separate ${profile.durationS} s run of ${profile.scenario} (${profile.requestsPerSec} req/s under the profiler). Minified frames were mapped back through the build's source maps. Shares are of busy (non-idle) CPU time: ${profile.summary.busyMs} ms of ${profile.summary.totalMs} ms sampled.`,
    "",
    `- Server CPU per request under the profiler: **${profile.cpuMsPerRequest} ms** (from /proc; the profiler adds its own cost)`,
    `- Time with no app frame (lib/ or app/) anywhere on the stack: **${profile.summary.outsideAppCodeShare}%**`,
    "",
    "Where the CPU time went, with native and Node-core work charged to the nearest JS caller:",
    "",
    "| group | share % |",
    "|---|---|",
    ...profile.summary.groups.map((g) => `| ${g.group} | ${g.sharePct} |`),
    "",
    "The same by area (top 20):",
    "",
    "| area | share % |",
    "|---|---|",
    ...profile.summary.callers.slice(0, 20).map((a) => `| ${a.area} | ${a.sharePct} |`),
    "",
    "Self time by area, uncharged (top 20):",
    "",
    "| area | share % |",
    "|---|---|",
    ...profile.summary.areas.slice(0, 20).map((a) => `| ${a.area} | ${a.sharePct} |`),
    "",
    "Inclusive time (the area's frames and everything they call synchronously):",
    "",
    "| area | share % |",
    "|---|---|",
    ...profile.summary.inclusive.map((a) => `| ${a.area} | ${a.sharePct} |`),
    "",
    "Top functions by self time:",
    "",
    "| function (source) | area | share % |",
    "|---|---|---|",
    ...profile.summary.topFunctions.map((f) => `| ${f.function.replace(/\|/g, "\\|")} | ${f.area} | ${f.sharePct} |`),
    "",
  ];
}

const H_START = "<!-- h-sign-in-storm: generated by bench/run.mjs, findings from bench/findings-h.md -->";
const H_END = "<!-- /h-sign-in-storm -->";

/** RESULTS.md's section of scenario (h), between markers so a run of (h) alone can replace it. */
export function signInStormSection(h, targets, { startedAt, host, durationS }, findingsFile) {
  const side = (c) => `${c.requestsPerSec} req/s, p50 ${c.p50} ms, p99 ${c.p99} ms (${statuses(c.statusCounts)})`;
  const refusal = h.refusalSample
    ? `${h.refusalSample.status} ${h.refusalSample.error} with Retry-After: ${h.refusalSample.retryAfter}`
    : "none seen";
  return [
    H_START,
    "## (h) Sign-in storm",
    "",
    `Run ${startedAt.toISOString()} on ${host.nproc} cores, Node ${host.node}, load average at start ${host.loadAverageAtStart.join(" / ")}; ${durationS} s per timed run. \`BENCH_SCENARIOS=h npm run bench\` runs (h) alone and replaces only this section.`,
    "",
    "| figure | value |",
    "|---|---|",
    `| password hash cap (PASSWORD_HASH_CONCURRENCY) | ${h.hashConcurrency} |`,
    `| sign-ins/s, storm alone (200 answers / s) | **${h.signInsPerSec}** |`,
    `| the storm's answers (${h.about.match(/by (\d+) people/)?.[1] ?? "?"} people honouring Retry-After) | ${h.storm.requestsPerSec} req/s, p50 ${h.storm.p50} ms, p99 ${h.storm.p99} ms (${statuses(h.storm.statusCounts)}) |`,
    `| ${h.kdf.algorithm} alone, ${h.kdf.concurrency} at a time | ${h.kdf.perSec}/s (sign-ins / KDF: **${h.ratioToKdf}**) |`,
    `| ${h.scrypt.algorithm} alone (before this change), ${h.scrypt.concurrency} at a time | ${h.scrypt.perSec}/s (sign-ins / scrypt: **${h.ratioToScrypt}**) |`,
    `| claims alone | ${side(h.claimsAlone)} |`,
    `| claims during the storm | ${side(h.claimsDuringStorm)} |`,
    `| claims' p99 during / alone | **${h.claimsP99Ratio}** |`,
    `| sign-ins during the claims | ${h.stormDuringClaims.signInsPerSec}/s; ${h.stormDuringClaims.requestsPerSec} req/s, p99 ${h.stormDuringClaims.p99} ms (${statuses(h.stormDuringClaims.statusCounts)}) |`,
    `| the hammer alone (Retry-After ignored) | ${h.hammer.signInsPerSec} sign-ins/s; ${h.hammer.requestsPerSec} req/s, p50 ${h.hammer.p50} ms, p99 ${h.hammer.p99} ms, server CPU ${h.hammer.cpuMsPerRequest} ms / request (${statuses(h.hammer.statusCounts)}) |`,
    `| claims during the hammer | ${side(h.hammer.claimsDuringHammer)}; p99 during / alone ${h.hammer.claimsP99Ratio}; ${h.hammer.signInsPerSecDuringClaims} sign-ins/s beside them |`,
    `| a refused sign-in, as a client saw it | ${refusal} |`,
    "",
    ...targets.map((t) => `- (${t.id}) ${t.goal}: **${t.met ? "met" : "not met"}** (${t.details.join("; ")})`),
    "",
    readFileSync(findingsFile, "utf8").trim(),
    H_END,
    "",
  ];
}

/**
 * A run of a subset that included (h): its section replaces the one in RESULTS.md (or goes
 * before the CPU profiles, or at the end); the rest of the file, from the last full run, stays.
 */
export function replaceSignInStormSection(file, section) {
  replaceSection(file, section, H_START, H_END);
}

/** Replaces the block between `startMarker` and `endMarker`, or puts it before the CPU profiles. */
function replaceSection(file, section, startMarker, endMarker) {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    // no results yet
  }
  const block = section.join("\n");
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker);
  if (start >= 0 && end > start) text = text.slice(0, start) + block + text.slice(end + endMarker.length + 1);
  else if (text.includes("\n## CPU profile")) text = text.replace("\n## CPU profile", `\n${block}\n## CPU profile`);
  else text = `${text.trimEnd()}\n\n${block}`;
  writeFileSync(file, text);
}

const BURST_START = "<!-- cold-bursts: generated by bench/run.mjs, findings from bench/findings-bursts.md -->";
const BURST_END = "<!-- /cold-bursts -->";

// Each cold burst beside the long run of the same path.
const BURST_PAIRS = [
  { path: "realistic drop", long: "f-realistic-drop", burst: "i-burst-drop", target: "burst >= 1.5x, p99 <= 50 ms" },
  { path: "sold-out storm", long: "c-sold-out-storm", burst: "j-burst-sold-out", target: "burst >= 1.0x, p99 <= 50 ms" },
  { path: "winning claims", long: "a-unique-claims", burst: "k-burst-winners", target: "burst p99 <= 50 ms" },
];

/**
 * RESULTS.md's section of the cold bursts (i, j, k), between markers so a run that includes them
 * replaces it alone: each burst beside its long run, the targets, and the profile of the first
 * second. `lines`: this run's JSON lines (the long runs only if they ran too).
 */
export function burstSection(lines, targets, bursts, { startedAt, host }, findingsFile) {
  const by = Object.fromEntries(lines.map((l) => [l.scenario, l]));
  const side = (l, s) =>
    l ? `${s.requestsPerSec}/s, p99 ${s.p99} ms${s.timeToLastAnswerMs ? `, last answer ${s.timeToLastAnswerMs} ms` : ""}` : "-";
  const row = ({ path, long, burst, target }) => {
    const [l, b] = [by[long], by[burst]];
    return `| ${path} (${long[0]} / ${burst[0]}) | ${side(l, l)} | ${side(l, l?.floor)} | ${l ? `**${l.ratio}**` : "-"} | ${side(b, b)} | ${side(b, b?.floor)} | ${b ? `**${b.ratio}**` : "-"} | ${target} |`;
  };
  const burstIds = new Set(["i", "j", "k"]);
  return [
    BURST_START,
    "## The first second: cold bursts beside the long runs",
    "",
    `Run ${startedAt.toISOString()} on ${host.nproc} cores, Node ${host.node}, load average at start ${host.loadAverageAtStart.join(" / ")}. Each burst is on a promotion the server never served (not even in Redis: the first press loads it), by new users whose session cookies it never decoded, with no warm-up against that promotion; the floor is measured the same way (its promotions are loaded, as it cannot load them, and its users are as new to it). Long runs and bursts of one row come from the same run; \`BENCH_SCENARIOS=a,c,f,i,j,k npm run bench\` runs these and replaces only this section. Ratios as above (drop: floor's time to last answer / app's; others: app req/s / floor req/s).`,
    "",
    "| path | long run: app | long run: floor | long-run ratio | cold burst: app | cold burst: floor | burst ratio | target |",
    "|---|---|---|---|---|---|---|---|",
    ...BURST_PAIRS.map(row),
    "",
    ...targets
      .filter((t) => burstIds.has(t.id))
      .map((t) => `- (${t.id}) ${t.goal}: **${t.met ? "met" : "not met"}** (${t.details.join("; ")})`),
    "",
    ...burstProfileSection(bursts),
    readFileSync(findingsFile, "utf8").trim(),
    BURST_END,
    "",
  ];
}

export function replaceBurstSection(file, section) {
  replaceSection(file, section, BURST_START, BURST_END);
}

const batches = (b) =>
  b.count
    ? `${b.count} for ${b.rows} rows: ${b.first.map((f) => `${f.rows} @ ${f.atMs}`).join(", ")}${b.count > b.first.length ? ", ..." : ""}`
    : "-";

function burstProfileSection(bursts) {
  if (!bursts.length) return ["### Profile of the first second", "", "Not taken in this run (BENCH_PROFILE=0).", ""];
  const gc = (g) =>
    `${g.count} collections, ${g.pauseMs} ms in all, longest ${g.longestMs} ms (${Object.entries(g.byKind)
      .map(([kind, k]) => `${kind}: ${k.count}, ${k.ms} ms`)
      .join("; ")})`;
  return [
    "### Profile of the first second",
    "",
    `\`node --cpu-prof --cpu-prof-interval=250\` on a fresh production server that takes the three bursts in a row (i, j, k) on its own never-served promotions with no warm-up at all, so the first burst also pays for loading and compiling the claim path; every garbage collection logged as it happens (bench/gc-observer.mjs, perf_hooks). Shares are of busy (non-idle) CPU time within each burst.`,
    "",
    "| burst (under the profiler) | answers | req/s | p99 ms | last answer ms | CPU ms / request | busy / sampled ms | GC | group-commit batches: count, first ones as rows @ ms after the first press |",
    "|---|---|---|---|---|---|---|---|---|",
    ...bursts.map(
      (b) =>
        `| ${b.scenario} | ${statuses(b.statusCounts)} | ${b.requestsPerSec} | ${b.p99} | ${b.lastAnswerMs} | ${b.cpuMsPerRequest} | ${b.summary.busyMs} / ${b.summary.totalMs} | ${gc(b.gc)} | ${batches(b.batches)} |`,
    ),
    "",
    ...bursts.flatMap((b) => [
      `${b.scenario}, by group (native work charged to its JS caller) and top functions by self time:`,
      "",
      "| group | share % |",
      "|---|---|",
      ...b.summary.groups.map((g) => `| ${g.group} | ${g.sharePct} |`),
      "",
      `Inclusive (an area's frames and all they call synchronously): ${b.summary.inclusive.map((a) => `${a.area} ${a.sharePct}%`).join(", ")}.`,
      "",
      "| function (source) | area | share % |",
      "|---|---|---|",
      ...b.summary.topFunctions.slice(0, 12).map((f) => `| ${f.function.replace(/\|/g, "\\|")} | ${f.area} | ${f.sharePct} |`),
      "",
    ]),
  ];
}
