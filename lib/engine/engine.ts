import type { ChangeFeed } from "./change-feed";
import type { OutcomeCounters } from "./outcomes/counters";
import type { SessionStateStore } from "./session-states/store";
import type { StockStore } from "./stock/store";
import type { Throttles } from "./throttles/throttles";
import type { OneTimeTokens } from "./tokens/one-time-tokens";

export type EngineName = "redis" | "redis-cluster" | "upstash" | "memory";

/**
 * The fast shared state of the deployment (Redis over TCP or Cluster, Upstash over REST, or the
 * in-process memory engine), one small interface per concern over one connection. Each facet
 * has its own scripts (lib/engine/<facet>/scripts.ts), its memory twin and its contract tests.
 */
export interface Engine {
  readonly name: EngineName;
  /** Stock and claims: claim, compensation, reservations, snapshot, load, rebuild lock. */
  readonly stock: StockStore;
  /** Sign-up and sign-in throttles and lockouts. */
  readonly throttles: Throttles;
  /** Copies of accounts' session states (revocable sessions). */
  readonly sessionStates: SessionStateStore;
  /** The live claim outcome figures every instance adds to. */
  readonly outcomes: OutcomeCounters;
  readonly tokens: OneTimeTokens;
  /** null where long-lived connections are not available (Upstash over REST): the admin screens poll. */
  readonly changes: ChangeFeed | null;
  ping(): Promise<boolean>;
  /** Closes the connections, the change feed's subscriber included. */
  close(): Promise<void>;
}
