/** Collects keys (promotion ids) and hands them on in batches, at most once per interval. */
export interface Coalescer<K> {
  add(key: K): void;
  /** `add` after `delayMs` (e.g. to look at a promotion again once its claims have stopped). */
  addLater(key: K, delayMs: number): void;
  /** Drops what is pending and every timer; later adds are ignored. */
  stop(): void;
}

/**
 * The first key after a quiet interval is flushed at once (on the next timer turn, so the keys
 * of one moment go together); keys that arrive within `intervalMs` of a flush's start wait for
 * the end of that interval and go together. A flush still running holds the next one back, so
 * slow reads never pile up. So every key reaches `flush` at most once per interval and at most
 * one interval (plus a running flush) after it was added. Errors of `flush` are its own business.
 */
export function coalescer<K>(intervalMs: number, flush: (keys: K[]) => Promise<void> | void): Coalescer<K> {
  let pending = new Set<K>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const later = new Set<ReturnType<typeof setTimeout>>();
  let running = false;
  let stopped = false;
  let lastStart = -Infinity;

  function schedule() {
    if (stopped || timer || running || pending.size === 0) return;
    timer = setTimeout(() => void run(), Math.max(0, lastStart + intervalMs - Date.now()));
    timer.unref?.();
  }

  async function run() {
    timer = null;
    const keys = [...pending];
    pending = new Set();
    running = true;
    lastStart = Date.now();
    try {
      await flush(keys);
    } catch {
      // The caller's flush logs its own failures; the next notice tries again.
    } finally {
      running = false;
      schedule();
    }
  }

  const add = (key: K) => {
    if (stopped) return;
    pending.add(key);
    schedule();
  };

  return {
    add,
    addLater(key, delayMs) {
      if (stopped) return;
      const t = setTimeout(() => {
        later.delete(t);
        add(key);
      }, delayMs);
      t.unref?.();
      later.add(t);
    },
    stop() {
      stopped = true;
      pending.clear();
      if (timer) clearTimeout(timer);
      for (const t of later) clearTimeout(t);
      later.clear();
    },
  };
}
