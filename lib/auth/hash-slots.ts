import "server-only";
import { env } from "@/lib/env";
import { processState } from "@/lib/process-state";

/**
 * A per-process cap on password hashing (sign-in's verify, sign-up's hash, the dummy hash of an
 * unknown email). Each hash holds one core for its whole run; unbounded, a sign-in storm would
 * take every core and the claims would wait behind it. Past the cap a caller gets no slot and
 * answers 503 UNAVAILABLE with Retry-After.
 *
 * A few callers may wait (at most as many as there are slots, first come first served): such a
 * waiter takes a slot the moment a hash ends, so the KDF runs back to back under a storm instead
 * of idling while the next request finds its way in. A waiter waits at most about one hash
 * (one slot each); memory and latency stay bounded, and everyone past that hears 503 at once.
 */
export class HashSlots {
  private inUse = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(
    readonly concurrency: number,
    readonly waitingRoom: number,
  ) {}

  /** True when a new caller would be refused at once: every slot and every waiting place taken. */
  get full(): boolean {
    return this.inUse >= this.concurrency && this.waiters.length >= this.waitingRoom;
  }

  /** Runs `work` in a slot; NO_SLOT (without running it) when every slot and waiting place is taken. */
  async run<T>(work: () => Promise<T>): Promise<T | typeof NO_SLOT> {
    const release = await this.acquire();
    if (!release) return NO_SLOT;
    try {
      return await work();
    } finally {
      release();
    }
  }

  /**
   * A slot's release function, at once or after a wait in the waiting room; null when both are
   * full. Exposed for tests, which hold slots to fill the cap without timing.
   */
  acquire(): Promise<(() => void) | null> {
    if (this.inUse < this.concurrency) {
      this.inUse++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiters.length >= this.waitingRoom) return Promise.resolve(null);
    // The slot passes straight from the releasing caller to the waiter: inUse stays as it is.
    return new Promise((resolve) => this.waiters.push(() => resolve(this.releaser())));
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next();
      else this.inUse--;
    };
  }
}

// From the global symbol registry: the slots are one per process (lib/process-state.ts), so the
// copy of this module that made them may not be the caller's, and a plain Symbol() of each copy
// would not compare equal (found by bench scenario h: busy sign-ins answered as wrong passwords).
export const NO_SLOT = Symbol.for("coupon-drop.no-password-hash-slot");

/**
 * The process's slots (PASSWORD_HASH_CONCURRENCY), with as many waiting places: one set per
 * process, whichever copy of this module asks, since a cap counted per copy would be no cap.
 */
export const passwordHashSlots = processState(
  "auth/hash-slots",
  () => new HashSlots(env.PASSWORD_HASH_CONCURRENCY, env.PASSWORD_HASH_CONCURRENCY),
);
