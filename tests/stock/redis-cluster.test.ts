// The TCP engine against a real three-node Redis Cluster started for this file.
import { afterAll, describe, expect, inject, it } from "vitest";
import { getDb, getPool } from "@/lib/db";
import { createRedisClusterEngine } from "@/lib/engine/redis";
import type { Services } from "@/lib/services";
import { changeFeedContract } from "@/tests/support/change-feed-contract";
import { engineContract, realTime } from "@/tests/support/engine-contract";
import { fairStartContract } from "@/tests/support/fair-start-contract";
import { createPromotion, createUsers } from "@/tests/support/fixtures";
import { startRedisCluster } from "@/tests/support/redis-cluster";
import { attempt, expectExact, expectOnlySoldOut } from "@/tests/support/storm";

// Started while the file is collected: the contract suite needs its engine at definition time.
const cluster = await startRedisCluster();
const engine = createRedisClusterEngine({ nodes: cluster.nodes, keyPrefix: inject("keyPrefix") });
afterAll(async () => {
  await engine.close();
  await cluster.stop();
});

engineContract(engine, realTime);

// A second instance of the deployment: PUBLISH on one node reaches a subscriber on any node.
const second = createRedisClusterEngine({ nodes: cluster.nodes, keyPrefix: inject("keyPrefix") });
afterAll(() => second.close());
changeFeedContract("redis-cluster", () => ({ publisher: engine, subscriber: second }), { ordered: false });

describe("claimCoupon on a Redis Cluster", () => {
  const svc: Services = { db: getDb(), pool: getPool(), engine };

  /** One promotion per cluster node, so the storm writes to every node. */
  async function promotionsOnEveryNode(stocks: number[]) {
    const byNode = new Map<string, Awaited<ReturnType<typeof createPromotion>>>();
    for (let tries = 0; byNode.size < stocks.length; tries++) {
      if (tries > 200) throw new Error("could not place a promotion on every node");
      const promotion = await createPromotion(svc.db, { totalStock: stocks[byNode.size] });
      const node = await cluster.nodeOf(`{${promotion.id}}`);
      if (!byNode.has(node)) byNode.set(node, promotion);
    }
    return [...byNode.values()];
  }

  it("1,000 users storm three promotions on three nodes: exactly the stock of each", async () => {
    const users = await createUsers(svc.db, 1_000);
    const promotions = await promotionsOnEveryNode([50, 30, 20]);
    expect(promotions).toHaveLength(cluster.nodes.length);

    const outcomes = await Promise.all(promotions.map((p) => Promise.all(users.map((u) => attempt(svc, p.id, u.id)))));
    for (const [i, p] of promotions.entries()) {
      expectOnlySoldOut(outcomes[i]);
      await expectExact(
        svc,
        p.id,
        p.totalStock,
        outcomes[i].filter((o) => o.ok),
      );
    }
  });
});

describe("Redis Cluster outage", () => {
  it("fails calls while the cluster is down instead of queueing them forever", { timeout: 20_000 }, async () => {
    const doomed = await startRedisCluster();
    const doomedEngine = createRedisClusterEngine({ nodes: doomed.nodes });
    try {
      expect(await doomedEngine.ping()).toBe(true);
      await doomed.stop();
      // The first call fails on the dead connections; by the second the client is reconnecting
      // and queues commands, which must still fail rather than hang.
      await expect(doomedEngine.ping()).rejects.toThrow();
      await expect(doomedEngine.stock.claim("p", "u", Date.now())).rejects.toThrow();
    } finally {
      await doomedEngine.close();
      await doomed.stop();
    }
  });
});

// Last in the file: the draw's change notices must not reach the change-feed contract's listeners.
fairStartContract("redis-cluster", () => ({ db: getDb(), pool: getPool(), engine }));
