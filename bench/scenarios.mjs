// The load scenarios, each run against the app and against one floor: the durable floor for
// scenarios whose answers are winning claims (a, b, f), the bare script floor for answers that
// write nothing (c, d). A target says how to reach a claim or a stock read on its server, which
// promotions it owns and how to name a user.
import { CONNECTIONS } from "./load.mjs";

export const FLASH_USERS = 10_000;
export const FLASH_STOCK = 100;
export const DROP_USERS = 20_000;
export const DROP_STOCK = 2_000;
export const DROP_CONNECTIONS = 200;
// Scenario (g), a fair drop (bench/fair-drop.mjs).
export const FAIR_USERS = 20_000;
export const FAIR_STOCK = 2_000;
export const FAIR_CONNECTIONS = 200;
// The cold bursts (i, j, k): the first second of a drop, on promotions the server never served,
// by users whose session cookies it never decoded (issue #19).
export const BURST_DROP_USERS = 1_000;
export const BURST_DROP_STOCK = 200;
export const BURST_SOLD_OUT_USERS = 1_000;
export const BURST_SOLD_OUT_PRESSES = 5_000;
export const BURST_WINNERS = 4_500;
export const BURST_POOLS = { i: BURST_DROP_USERS, j: BURST_SOLD_OUT_USERS, k: BURST_WINNERS };

/** Next's fast lane (`npm start`); users sign in with real session cookies. */
export function appTarget({ url, pid, pools, promotions }) {
  return {
    name: "app",
    url,
    pid,
    pools,
    promotions,
    claimPath: (id) => `/api/promotions/${id}/claim`,
    stockPath: (id) => `/api/promotions/${id}/stock`,
    user: cookieUser,
    writesDatabase: true,
  };
}

/** bench/durable-floor-server.mjs: real session cookies too, and its own promotions. */
export function durableFloorTarget({ url, pid, pools, promotions }) {
  return { ...floorPaths, name: "durable-floor", url, pid, pools, promotions, user: cookieUser, writesDatabase: true };
}

/** bench/baseline-server.mjs: trusts a header, so it never runs out of users. */
export function bareFloorTarget({ url, pid, pools, promotions }) {
  return {
    ...floorPaths,
    name: "bare-floor",
    url,
    pid,
    pools,
    promotions,
    user: (pool, i) => ({ "x-user-id": `${pool.prefix}-${i}` }),
    unlimitedUsers: true,
  };
}

const floorPaths = { claimPath: (id) => `/claim/${id}`, stockPath: (id) => `/stock/${id}` };
const cookieUser = (pool, i) => ({ cookie: pool.cookies[i] });

/**
 * name, promotion (key into the target's promotions), which floor it is measured against, the
 * request, the users it sends (a function of the target giving a fresh header source), the
 * limit, the connections (default 100), whether the winners must be exactly the stock (counted
 * in the Claim rows), what the ratio compares (default req/s) and whether it is warmed up first.
 */
export function scenarios(durationS) {
  return [
    {
      name: "a-unique-claims",
      about: "each request a new user claiming from a 10,000,000 stock",
      promotion: "big",
      floor: "durable",
      method: "POST",
      path: (t, p) => t.claimPath(p.id),
      users: (t) => uniqueUsers(t, t.pools.a),
      limit: { duration: durationS },
      warmup: true,
    },
    {
      name: "b-flash-crowd",
      about: `${FLASH_USERS.toLocaleString("en")} users, one claim each, stock ${FLASH_STOCK}`,
      promotion: "flash",
      floor: "durable",
      method: "POST",
      path: (t, p) => t.claimPath(p.id),
      users: (t) => uniqueUsers(t, t.pools.b),
      limit: { amount: FLASH_USERS },
      exactWinners: true,
      // A warm-up would take stock; the claim route is already warm from scenario a.
      warmup: false,
    },
    {
      name: "c-sold-out-storm",
      about: "many users claiming a promotion that is already sold out",
      promotion: "soldOut",
      floor: "bare",
      method: "POST",
      path: (t, p) => t.claimPath(p.id),
      users: (t) => cyclingUsers(t, t.pools.a),
      limit: { duration: durationS },
      warmup: true,
    },
    {
      name: "d-stock-read",
      about: "GET the live stock of a promotion (what the page polls)",
      promotion: "big",
      floor: "bare",
      method: "GET",
      path: (t, p) => t.stockPath(p.id),
      users: () => () => ({}),
      limit: { duration: durationS },
      warmup: true,
    },
    {
      name: "f-realistic-drop",
      about: `${DROP_USERS.toLocaleString("en")} users press twice (one in ten five times), shuffled, stock ${DROP_STOCK.toLocaleString("en")}, ${DROP_CONNECTIONS} connections`,
      promotion: "drop",
      floor: "durable",
      method: "POST",
      path: (t, p) => t.claimPath(p.id),
      users: (t) => pressesOf(t, t.pools.a, DROP_PRESSES),
      // The whole batch is offered at once: no pacing, every connection sends as fast as answered.
      limit: { amount: DROP_PRESSES.length },
      exactWinners: true,
      connections: DROP_CONNECTIONS,
      // The drop is a fixed batch: compare how soon each server has answered all of it.
      ratioBy: "timeToLastAnswer",
      // A warm-up would take stock; the claim route is already warm from scenarios a and b.
      warmup: false,
    },
    ...coldBursts(),
  ];
}

/**
 * The first second of a drop (issue #19): each burst on a promotion the server never served
 * (its keys are not even in Redis: the first press loads them), by users whose cookies it never
 * decoded, with no warm-up against that promotion. `cold` tells the runner that the process
 * itself should be as warm as a server that has been up a while (bench/run.mjs warms it on
 * another promotion if no long run did), so what is cold is the promotion and the people.
 * `scheduled` bursts open as a drop does: the app's promotion gets a start a few seconds ahead
 * and the burst is sent at that moment, so whatever the product does before a start
 * (lib/promotions/prewarm.ts) happens as in a real drop. The floor's keys are loaded by the
 * bench before any run, which is the most any warm-up could do. The sold-out burst (j) cannot
 * start later: it is sold out already.
 */
export function coldBursts() {
  const claim = { method: "POST", path: (t, p) => t.claimPath(p.id), warmup: false, cold: true };
  return [
    {
      ...claim,
      name: "i-burst-drop",
      about: `cold burst: ${BURST_DROP_USERS.toLocaleString("en")} new users press twice (one in ten five times), ${BURST_DROP_PRESSES.length.toLocaleString("en")} presses, stock ${BURST_DROP_STOCK}, ${DROP_CONNECTIONS} connections, on a promotion never served`,
      promotion: "burstDrop",
      floor: "durable",
      scheduled: true,
      users: (t) => pressesOf(t, t.pools.i, BURST_DROP_PRESSES),
      limit: { amount: BURST_DROP_PRESSES.length },
      exactWinners: true,
      connections: DROP_CONNECTIONS,
      ratioBy: "timeToLastAnswer",
    },
    {
      ...claim,
      name: "j-burst-sold-out",
      about: `cold burst: ${BURST_SOLD_OUT_PRESSES.toLocaleString("en")} presses by ${BURST_SOLD_OUT_USERS.toLocaleString("en")} new users at ${CONNECTIONS} connections on a promotion that has just sold out, never served`,
      promotion: "burstSoldOut",
      floor: "bare",
      users: (t) => cyclingUsers(t, t.pools.j),
      limit: { amount: BURST_SOLD_OUT_PRESSES },
    },
    {
      ...claim,
      name: "k-burst-winners",
      about: `cold burst: the first ${BURST_WINNERS.toLocaleString("en")} unique-user claims (all win) at ${CONNECTIONS} connections on a promotion never served`,
      promotion: "burstWinners",
      floor: "durable",
      scheduled: true,
      users: (t) => uniqueUsers(t, t.pools.k),
      limit: { amount: BURST_WINNERS },
    },
  ];
}

/**
 * The drop's presses as user indexes: everyone twice, every tenth user five times, shuffled
 * with a fixed seed so the app and the floor get the same order.
 */
function dropPresses(users, seed) {
  const presses = [];
  for (let user = 0; user < users; user++) {
    const times = user % 10 === 0 ? 5 : 2;
    for (let n = 0; n < times; n++) presses.push(user);
  }
  const random = mulberry32(seed);
  for (let i = presses.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [presses[i], presses[j]] = [presses[j], presses[i]];
  }
  return presses;
}

export const DROP_PRESSES = dropPresses(DROP_USERS, 11);
const BURST_DROP_PRESSES = dropPresses(BURST_DROP_USERS, 19);

/** A small seeded PRNG (uniform in [0, 1)). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Header sources: each returns the next request's headers, or null when none is left. */
export function uniqueUsers(target, pool) {
  let i = 0;
  return () => (target.unlimitedUsers || i < pool.size ? target.user(pool, i++) : null);
}

export function cyclingUsers(target, pool) {
  let i = 0;
  return () => target.user(pool, i++ % pool.size);
}

function pressesOf(target, pool, presses) {
  let i = 0;
  return () => (i < presses.length ? target.user(pool, presses[i++]) : null);
}
