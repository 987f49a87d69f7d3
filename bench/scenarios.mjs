// The four load scenarios of issue 6, each run against the app and against the baseline.
// A target says how to reach a claim or a stock read on its server and how to name a user.

export const FLASH_USERS = 10_000;
export const FLASH_STOCK = 100;

export function appTarget(url, pid, pools) {
  return {
    name: "app",
    url,
    pid,
    claimPath: (id) => `/api/promotions/${id}/claim`,
    stockPath: (id) => `/api/promotions/${id}/stock`,
    uniqueUsers: (pool) => each(pool.cookies, (cookie) => ({ cookie })),
    cyclingUsers: (pool) => cycle(pool.cookies, (cookie) => ({ cookie })),
    pools,
  };
}

export function baselineTarget(url, pid, pools) {
  return {
    name: "baseline",
    url,
    pid,
    claimPath: (id) => `/claim/${id}`,
    stockPath: (id) => `/stock/${id}`,
    // The baseline trusts a header, so it never runs out of users.
    uniqueUsers: (pool) => counter((i) => ({ "x-user-id": `${pool.prefix}-${i}` })),
    cyclingUsers: (pool) => counter((i) => ({ "x-user-id": `${pool.prefix}-${i % pool.size}` })),
    pools,
  };
}

/**
 * name, promotion (key into the run's promotions), the request, the users it sends (a function
 * of the target giving a fresh header source), the limit, and whether it is warmed up first.
 */
export function scenarios(durationS) {
  return [
    {
      name: "a-unique-claims",
      about: "each request a new user claiming from a 10,000,000 stock",
      promotion: "big",
      method: "POST",
      path: (t, p) => t.claimPath(p.id),
      users: (t) => t.uniqueUsers(t.pools.a),
      limit: { duration: durationS },
      warmup: true,
    },
    {
      name: "b-flash-crowd",
      about: `${FLASH_USERS.toLocaleString("en")} users, one claim each, stock ${FLASH_STOCK}`,
      promotion: "flash",
      method: "POST",
      path: (t, p) => t.claimPath(p.id),
      users: (t) => t.uniqueUsers(t.pools.b),
      limit: { amount: FLASH_USERS },
      // A warm-up would take stock; the claim route is already warm from scenario a.
      warmup: false,
    },
    {
      name: "c-sold-out-storm",
      about: "many users claiming a promotion that is already sold out",
      promotion: "soldOut",
      method: "POST",
      path: (t, p) => t.claimPath(p.id),
      users: (t) => t.cyclingUsers(t.pools.a),
      limit: { duration: durationS },
      warmup: true,
    },
    {
      name: "d-stock-read",
      about: "GET the live stock of a promotion (what the page polls)",
      promotion: "big",
      method: "GET",
      path: (t, p) => t.stockPath(p.id),
      users: () => () => ({}),
      limit: { duration: durationS },
      warmup: true,
    },
  ];
}

/** Header sources: each returns the next request's headers, or null when none is left. */
function each(list, toHeaders) {
  let i = 0;
  return () => (i < list.length ? toHeaders(list[i++]) : null);
}

function cycle(list, toHeaders) {
  let i = 0;
  return () => toHeaders(list[i++ % list.length]);
}

function counter(toHeaders) {
  let i = 0;
  return () => toHeaders(i++);
}
