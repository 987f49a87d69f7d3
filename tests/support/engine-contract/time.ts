// The time a contract run sees. Redis keeps its own time (TIME, key expiry), so on the Redis
// engines time passes for real; the memory engine takes a clock, which the test moves instead
// of sleeping through lifetimes.

export interface ContractTime {
  /** The time the engine sees now (ms since the epoch). */
  readonly now: () => number;
  /** Lets `ms` pass for the engine. */
  readonly pass: (ms: number) => Promise<void>;
}

export const realTime: ContractTime = {
  now: () => Date.now(),
  pass: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A clock that moves only when told: give `now` to the engine, `pass` to the contract. */
export function manualClock(start = Date.now()): ContractTime {
  let t = start;
  return {
    now: () => t,
    pass: async (ms) => {
      t += ms;
    },
  };
}
