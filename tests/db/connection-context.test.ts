// A database connection outlives the request that made the pool open it, so it must hold nothing
// of that request. One that held a page render kept, through React's and Node's own links from
// each render to the next, every render after it: the server's memory grew with every page request
// (docs/architecture.md, "Memory under random ids").
import { AsyncLocalStorage } from "node:async_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, expect, it } from "vitest";
import { getPool } from "@/lib/db";
import { env } from "@/lib/env";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

afterAll(() => getPool().end());

it("connections opened for requests keep nothing of those requests", async () => {
  const pool = getPool();
  // What Next and React keep per render: a store of an AsyncLocalStorage, current while it runs.
  const requestContext = new AsyncLocalStorage<{ render: string[] }>();
  const renders: WeakRef<object>[] = [];
  // As many requests at once as the pool has connections: each makes the pool open a new one.
  const clients = await Promise.all(
    Array.from({ length: env.DATABASE_POOL_SIZE }, () => {
      const store = { render: Array.from({ length: 1000 }, (_, i) => `render state ${i}`) };
      renders.push(new WeakRef(store));
      return requestContext.run(store, () => pool.connect());
    }),
  );
  expect(pool.totalCount).toBe(env.DATABASE_POOL_SIZE);
  // Used and handed back outside the requests (a release inside one would start the pool's idle
  // timer there, which holds the request for its 10 s, a bounded time).
  for (const client of clients) {
    await client.query("SELECT 1");
    client.release();
  }
  expect(pool.totalCount).toBe(env.DATABASE_POOL_SIZE); // the connections live on

  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  expect(renders.filter((r) => r.deref() !== undefined).length).toBe(0);
});
