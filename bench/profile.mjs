// Reads a V8 .cpuprofile of the Next server and says where the CPU time went. The production
// bundles are minified, so each frame is mapped back through the build's source maps to the
// file it came from (lib/auth/session.ts, node_modules/jose/..., next's server sources).
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";
import serverLib from "../scripts/server-lib.cjs";

const { SERVER_LIB } = serverLib;

const TOP_FUNCTIONS = 15;
// Areas whose inclusive time (the area's own frames plus everything they call) is reported.
const INCLUSIVE_AREAS = [
  "app: lib/http",
  "app: lib/auth",
  "app: lib/claims",
  "app: lib/engine",
  "app: lib/log",
  "next-auth",
  "jose",
  "zod",
  "@prisma/client",
  "ioredis",
];

/**
 * `window` ({fromUs, toUs} on the profile's own clock) keeps only the samples taken under load,
 * leaving out the server's start-up and shutdown.
 */
export function summarizeProfile(profile, window) {
  const resolve = frameResolver();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = parentIds(profile.nodes);
  const selfUs = selfTimes(profile, window);
  const frame = (node) => resolve(node.callFrame);

  const byArea = new Map();
  const byCaller = new Map();
  const byFunction = new Map();
  const inclusive = new Map();
  let totalUs = 0;
  let busyUs = 0;
  let outsideAppUs = 0;
  for (const [id, us] of selfUs) {
    const f = frame(nodes.get(id));
    totalUs += us;
    add(byArea, f.area, us);
    add(byFunction, `${f.name} (${f.where})`, us, f.area);
    if (f.area === "idle") continue;
    busyUs += us;
    add(byCaller, callerArea(id, nodes, parents, frame), us);
    const areas = stackAreas(id, nodes, parents, frame);
    for (const area of areas) if (INCLUSIVE_AREAS.includes(area)) add(inclusive, area, us);
    if (![...areas].some((a) => a.startsWith("app: "))) outsideAppUs += us;
  }
  const share = (us) => Math.round((1000 * us) / busyUs) / 10;
  return {
    totalMs: Math.round(totalUs / 1000),
    busyMs: Math.round(busyUs / 1000),
    outsideAppCodeShare: share(outsideAppUs),
    areas: ranked(byArea)
      .filter(([area]) => area !== "idle")
      .map(([area, { us }]) => ({ area, sharePct: share(us) })),
    callers: ranked(byCaller).map(([area, { us }]) => ({ area, sharePct: share(us) })),
    groups: ranked(grouped(byCaller)).map(([group, { us }]) => ({ group, sharePct: share(us) })),
    inclusive: ranked(inclusive).map(([area, { us }]) => ({ area, sharePct: share(us) })),
    topFunctions: ranked(byFunction)
      .filter(([, v]) => v.area !== "idle")
      .slice(0, TOP_FUNCTIONS)
      .map(([fn, { us, area }]) => ({ function: fn, area, sharePct: share(us) })),
  };
}

/** Self time of each node: the time until the next sample is charged to this sample's node. */
function selfTimes({ startTime, samples, timeDeltas }, { fromUs, toUs }) {
  const times = new Map();
  let at = startTime;
  for (let i = 0; i < samples.length; i++) {
    at += timeDeltas[i];
    if (at < fromUs || at > toUs) continue;
    const us = timeDeltas[i + 1] ?? 0;
    times.set(samples[i], (times.get(samples[i]) ?? 0) + us);
  }
  return times;
}

/** The profile-clock window of a load run, from wall-clock times and the moment the process exited. */
export function loadWindow(profile, { loadStartMs, loadEndMs, exitedAtMs }) {
  const toProfileClock = (ms) => profile.endTime - (exitedAtMs - ms) * 1000;
  return { fromUs: toProfileClock(loadStartMs), toUs: toProfileClock(loadEndMs) };
}

function parentIds(nodes) {
  const parents = new Map();
  for (const n of nodes) for (const child of n.children ?? []) parents.set(child, n.id);
  return parents;
}

/** The set of areas on a node's stack (memoised per node; stacks share their prefixes). */
const stackCache = new WeakMap();
function stackAreas(id, nodes, parents, frame) {
  let cache = stackCache.get(nodes);
  if (!cache) stackCache.set(nodes, (cache = new Map()));
  if (cache.has(id)) return cache.get(id);
  const parent = parents.get(id);
  const areas = new Set(parent === undefined ? [] : stackAreas(parent, nodes, parents, frame));
  areas.add(frame(nodes.get(id)).area);
  cache.set(id, areas);
  return areas;
}

/** Areas (charged to their callers) summed into the few groups the findings talk about. */
function grouped(byCaller) {
  const groups = new Map();
  for (const [area, { us }] of byCaller) add(groups, groupOf(area), us);
  return groups;
}

function groupOf(area) {
  if (area.startsWith("next: ")) return "Next.js request handling (router, web Request/Response adapters, streams, compression)";
  if (area.startsWith("app: ")) return "app code (lib/, route handlers)";
  if (["next-auth", "jose", "@panva/hkdf"].includes(area)) return "session decoding (next-auth, jose, hkdf)";
  if (area.startsWith("@prisma/") || area.startsWith("pg")) return "database (Prisma, pg)";
  if (
    [
      "ioredis",
      "@ioredis/commands",
      "redis-errors",
      "redis-parser",
      "standard-as-callback",
      "debug",
      "denque",
      "cluster-key-slot",
    ].includes(area)
  ) {
    return "Redis client (ioredis)";
  }
  if (area.startsWith("runtime with no JS caller")) return area;
  return "other packages";
}

const RUNTIME_AREAS = new Set(["native", "node core", "V8 garbage collection", "V8/native (program)"]);

/** The nearest area on the stack that is not the runtime itself: who caused this native work. */
const callerCache = new WeakMap();
function callerArea(id, nodes, parents, frame) {
  let cache = callerCache.get(nodes);
  if (!cache) callerCache.set(nodes, (cache = new Map()));
  if (cache.has(id)) return cache.get(id);
  const area = frame(nodes.get(id)).area;
  const parent = parents.get(id);
  let caller = area;
  if (RUNTIME_AREAS.has(area))
    caller = parent === undefined ? "runtime with no JS caller (event loop, I/O, GC)" : callerArea(parent, nodes, parents, frame);
  if (caller === "(root)") caller = "runtime with no JS caller (event loop, I/O, GC)";
  cache.set(id, caller);
  return caller;
}

function add(map, key, us, area) {
  const entry = map.get(key) ?? { us: 0, area };
  entry.us += us;
  map.set(key, entry);
}

const ranked = (map) => [...map.entries()].sort((a, b) => b[1].us - a[1].us);

/** callFrame -> {name, where, area}, with minified bundle positions mapped to their sources. */
function frameResolver() {
  const maps = new Map();
  const cache = new Map();
  return (callFrame) => {
    const key = `${callFrame.url}:${callFrame.lineNumber}:${callFrame.columnNumber}:${callFrame.functionName}`;
    if (!cache.has(key)) cache.set(key, resolveFrame(callFrame, maps));
    return cache.get(key);
  };
}

function resolveFrame({ functionName, url, lineNumber, columnNumber }, maps) {
  const name = functionName || "(anonymous)";
  if (!url) return { name, where: "native", area: nativeArea(name) };
  if (url.startsWith("node:")) return { name, where: url, area: "node core" };
  if (url.startsWith("wasm:")) return { name, where: "wasm", area: "@prisma/client" };
  const file = url.startsWith("file://") ? fileURLToPath(url) : url;
  const original = mapPosition(file, lineNumber, columnNumber, maps);
  const source = original ? normalizeSource(original.originalSource) : file;
  const line = original ? original.originalLine + 1 : lineNumber + 1;
  return { name, where: `${shorten(source)}:${line}`, area: areaOf(file, source) };
}

function nativeArea(name) {
  if (name === "(root)") return "(root)";
  if (name === "(idle)") return "idle";
  if (name === "(garbage collector)") return "V8 garbage collection";
  if (name === "(program)") return "V8/native (program)";
  return "native";
}

function mapPosition(file, line, column, maps) {
  if (!maps.has(file)) maps.set(file, loadSourceMap(file));
  const map = maps.get(file);
  if (!map) return null;
  const entry = map.findEntry(line, column);
  return entry?.originalSource ? entry : null;
}

function loadSourceMap(file) {
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) return null;
  try {
    const payload = JSON.parse(readFileSync(mapFile, "utf8"));
    return payload.mappings || payload.sections ? new SourceMap(payload) : null;
  } catch {
    return null;
  }
}

/** "../../../lib/http/route.ts" -> "lib/http/route.ts"; bundler prefixes dropped. */
function normalizeSource(source) {
  return decodeURIComponent(source)
    .replace(/^[a-z]+:\/\/\/?/, "")
    .replace(/^(\.\.?\/)+/, "")
    .replace(/^\[project\]\//, "");
}

function shorten(path) {
  const i = path.lastIndexOf("node_modules/");
  if (i >= 0) return path.slice(i + "node_modules/".length);
  return path.replace(/^.*\/work\/main\//, "");
}

/**
 * Which part of the stack a frame belongs to: the package its file is in; for the app's own
 * bundles in .next/, the source the bundle was built from (app code, or a bundled package).
 */
function areaOf(file, source) {
  const filePackage = file.includes("node_modules/") ? packageName(shorten(file)) : null;
  if (filePackage === "next") return nextArea(source);
  // lib/ compiled once for the production server (esbuild.config.mjs) is the app's own code.
  if (filePackage && filePackage !== SERVER_LIB) return filePackage;
  const path = shorten(source);
  if (source.includes("node_modules/")) return packageName(path) === "next" ? nextArea(path) : packageName(path);
  const app = /^(lib|app)\/([^/.]+)/.exec(path);
  if (app) return app[1] === "lib" ? `app: lib/${app[2]}` : "app: route handlers";
  return "app bundle (other)";
}

/** Next's own code, by the folder of its source: "next: server/base-server", "next: shared/lib". */
function nextArea(path) {
  const inside = /(?:^|\/)(?:src|dist(?:\/esm)?)\/(.+)$/.exec(path)?.[1] ?? path;
  const [first, second] = inside.split("/");
  return `next: ${second ? `${first}/${second.replace(/\.[jt]sx?$/, "")}` : first}`;
}

function packageName(path) {
  const parts = path.split("/");
  return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** The collections bench/gc-observer.mjs wrote into a server's log: {atMs, kind, ms}. */
export function gcEvents(log) {
  const events = [];
  for (const m of log.matchAll(/^\[gc\] ([\d.]+) (\w+) ([\d.]+)$/gm)) {
    events.push({ atMs: Number(m[1]), kind: m[2], ms: Number(m[3]) });
  }
  return events;
}

/** The collections that started in [fromMs, toMs]: how many of each kind, and their pauses. */
export function gcSummary(events, fromMs, toMs) {
  const within = events.filter((e) => e.atMs >= fromMs && e.atMs <= toMs);
  const byKind = {};
  for (const e of within) {
    byKind[e.kind] ??= { count: 0, ms: 0 };
    byKind[e.kind].count += 1;
    byKind[e.kind].ms = Math.round((byKind[e.kind].ms + e.ms) * 10) / 10;
  }
  const pauseMs = Math.round(within.reduce((n, e) => n + e.ms, 0) * 10) / 10;
  return { count: within.length, pauseMs, longestMs: Math.max(0, ...within.map((e) => e.ms)), byKind };
}
