import type pg from "pg";
import { processState } from "@/lib/process-state";

/** A caller waiting for its item's batch to be written. */
export interface Waiter<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items that arrive while the event loop turns, or while earlier batches are still
 * committing, are written together, one batch per key (`keyOf`: a promotion, say), at most
 * `maxRows` items a batch and `maxInFlight` batches at a time. `write` settles every waiter of
 * its batch; each caller hears about its own item only then. A commit costs about the same for
 * one row or fifty, which is why this beats one statement per request.
 *
 * Not DataLoader: its batches follow the tick alone, while these also grow while earlier batches
 * commit, are split by key, and are bounded in flight (connections stay free for the rest).
 */
export function groupCommit<T, R>(options: {
  keyOf: (item: T) => string;
  maxRows: number;
  maxInFlight: number;
  write: (batch: Waiter<T, R>[]) => Promise<void>;
}): (item: T) => Promise<R> {
  const queue: Waiter<T, R>[] = [];
  let inFlight = 0;
  let scheduled = false;

  /** The oldest waiter's key, with up to maxRows of its items, in arrival order. */
  function takeBatch(): Waiter<T, R>[] {
    const key = options.keyOf(queue[0].item);
    const batch: Waiter<T, R>[] = [];
    const rest: Waiter<T, R>[] = [];
    for (const w of queue) (options.keyOf(w.item) === key && batch.length < options.maxRows ? batch : rest).push(w);
    queue.splice(0, queue.length, ...rest);
    return batch;
  }

  function schedule() {
    if (scheduled || queue.length === 0 || inFlight >= options.maxInFlight) return;
    scheduled = true;
    // After the current turn of the event loop, so every item decided in it joins the batch.
    setImmediate(() => {
      scheduled = false;
      while (queue.length > 0 && inFlight < options.maxInFlight) {
        const batch = takeBatch();
        inFlight++;
        void options
          .write(batch)
          .catch((error: unknown) => batch.forEach((w) => w.reject(error)))
          .finally(() => {
            inFlight--;
            schedule();
          });
      }
    });
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}

/**
 * A group commit per database pool, one per process whichever copy of the calling module asks
 * (lib/process-state.ts, under `name`), so every copy's items share batches.
 */
export function groupCommitPerPool<T, R>(
  name: string,
  options: Omit<Parameters<typeof groupCommit<T, R>>[0], "write"> & {
    write: (pool: pg.Pool, batch: Waiter<T, R>[]) => Promise<void>;
  },
): (pool: pg.Pool, item: T) => Promise<R> {
  return (pool, item) => {
    const committers = processState(name, () => new WeakMap<pg.Pool, (item: T) => Promise<R>>());
    let commit = committers.get(pool);
    if (!commit) {
      commit = groupCommit({ ...options, write: (batch) => options.write(pool, batch) });
      committers.set(pool, commit);
    }
    return commit(item);
  };
}
