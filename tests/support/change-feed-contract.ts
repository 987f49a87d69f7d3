// The change feed every engine with long-lived connections offers (the live admin screens): a
// notice published through one engine instance reaches the subscribers of another instance of
// the same deployment (another server process), and no other deployment's.
import { describe, expect, it } from "vitest";
import type { Engine } from "@/lib/engine/engine";
import { uid } from "@/tests/support/fixtures";

export interface FeedPair {
  publisher: Engine;
  subscriber: Engine;
  /** An engine of another deployment (another key prefix), whose notices must not be heard. */
  foreign?: Engine;
}

/**
 * The notices as heard: in publishing order where the engine promises it; on Redis Cluster a
 * PUBLISH enters through any node and crosses the cluster bus, so two notices may swap places
 * (they are hints, so order does not matter to the hub), and only the set is compared.
 */
const asHeard = (notices: string[][], ordered: boolean) =>
  ordered ? notices : [...notices].sort((x, y) => x.join().localeCompare(y.join()));

/** Waits (up to 5 s) until `received` holds `count` notices. */
async function heard(received: string[][], count: number) {
  await expect.poll(() => received.length, { timeout: 5_000, interval: 5 }).toBeGreaterThanOrEqual(count);
}

export function changeFeedContract(name: string, makePair: () => FeedPair, { ordered = true } = {}) {
  describe(`change feed: ${name}`, () => {
    it("a subscriber hears the ids another instance publishes, in order, and not another deployment's", async () => {
      const { publisher, subscriber, foreign } = makePair();
      const received: string[][] = [];
      const unsubscribe = await subscriber.changes!.subscribe((ids) => received.push(ids));
      try {
        const [a, b, c] = [uid(), uid(), uid()];
        if (foreign) await foreign.changes!.publish([uid()]);
        await publisher.changes!.publish([a, b]);
        await publisher.changes!.publish([c]);
        await heard(received, 2);
        expect(asHeard(received, ordered)).toEqual(asHeard([[a, b], [c]], ordered));
      } finally {
        unsubscribe();
      }
    });

    it("every listener of the process hears each notice once; one that left hears nothing", async () => {
      const { publisher, subscriber } = makePair();
      const first: string[][] = [];
      const second: string[][] = [];
      const leaving: string[][] = [];
      const stops = await Promise.all([
        subscriber.changes!.subscribe((ids) => first.push(ids)),
        subscriber.changes!.subscribe((ids) => second.push(ids)),
        subscriber.changes!.subscribe((ids) => leaving.push(ids)),
      ]);
      stops[2]();
      try {
        const id = uid();
        await publisher.changes!.publish([id]);
        await publisher.changes!.publish([]); // nothing to say: nothing sent
        const last = uid();
        await publisher.changes!.publish([last]);
        await heard(first, 2);
        await heard(second, 2);
        expect(asHeard(first, ordered)).toEqual(asHeard([[id], [last]], ordered));
        expect(asHeard(second, ordered)).toEqual(asHeard([[id], [last]], ordered));
        expect(leaving).toEqual([]);
      } finally {
        stops[0]();
        stops[1]();
      }
    });
  });
}
