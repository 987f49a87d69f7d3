import type { Engine } from "@/lib/engine/engine";
import { log } from "@/lib/log";
import { processState } from "@/lib/process-state";
import { coalescer, type Coalescer } from "./coalesce";

/** How often a process publishes change notices at most: the live screens' ~10 updates a second. */
export const PUBLISH_INTERVAL_MS = 100;

// One publisher per engine and process (lib/process-state.ts).
const publishers = () => processState("live/changes:publishers", () => new WeakMap<Engine, Coalescer<string>>());

/**
 * Marks a promotion as changed (a claim committed, a coupon issued or failed, stock released, an
 * admin change). Synchronous and without I/O, so the claim path waits for nothing: the ids of
 * the moment are published together, at most every PUBLISH_INTERVAL_MS, on the engine's change
 * feed. Engines without one (Upstash) ignore it: their admin screens poll.
 */
export function markChanged(engine: Engine, promotionId: string): void {
  const feed = engine.changes;
  if (!feed) return;
  let publisher = publishers().get(engine);
  if (!publisher) {
    publisher = coalescer(PUBLISH_INTERVAL_MS, (ids: string[]) =>
      feed.publish(ids).catch((error: unknown) => log("warn", "live change notice not published", { count: ids.length, error })),
    );
    publishers().set(engine, publisher);
  }
  publisher.add(promotionId);
}
