import { EventEmitter } from "node:events";

/**
 * Change notices between processes, for the live admin screens: the ids of promotions that
 * changed. Redis pub/sub on the TCP engines (one subscriber connection per process, opened on
 * first use), an in-process emitter on the memory engine. Notices are hints, never data: a
 * subscriber reads the figures itself, so a lost notice costs freshness, not correctness.
 */
export interface ChangeFeed {
  publish(promotionIds: readonly string[]): Promise<void>;
  /** Resolves once listening (notices published after that reach `listener`); returns an unsubscribe. */
  subscribe(listener: (promotionIds: string[]) => void): Promise<() => void>;
}

/** Raw publish/subscribe of one engine's connection(s): Redis pub/sub, or an in-process emitter. */
export interface PubSubTransport {
  publish(channel: string, message: string): Promise<void>;
  /** Listens on `channel` (a connection of its own on Redis); resolves once the server confirmed. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<void>;
  close(): Promise<void>;
}

/** The channel of one deployment's change notices: under its key prefix, like its keys. */
export const changeChannel = (keyPrefix = "") => `${keyPrefix}live:promotions`;

function parseIds(message: string): string[] | null {
  try {
    const ids: unknown = JSON.parse(message);
    return Array.isArray(ids) && ids.every((id) => typeof id === "string") ? ids : null;
  } catch {
    return null;
  }
}

/**
 * A ChangeFeed over a pub/sub transport. The process subscribes once, on the first listener,
 * and fans each notice out to all its listeners (every SSE client of the process).
 */
export function createChangeFeed(transport: PubSubTransport, channel: string): ChangeFeed {
  const listeners = new Set<(ids: string[]) => void>();
  let subscribed: Promise<void> | null = null;
  const deliver = (message: string) => {
    const ids = parseIds(message);
    if (!ids || ids.length === 0) return; // not ours: nothing else should publish on this channel
    for (const listener of listeners) listener(ids);
  };
  return {
    async publish(promotionIds) {
      if (promotionIds.length > 0) await transport.publish(channel, JSON.stringify(promotionIds));
    },
    async subscribe(listener) {
      subscribed ??= transport.subscribe(channel, deliver).catch((error: unknown) => {
        subscribed = null; // the next subscriber tries again
        throw error;
      });
      listeners.add(listener);
      try {
        await subscribed;
      } catch (error) {
        listeners.delete(listener);
        throw error;
      }
      return () => listeners.delete(listener);
    },
  };
}

/** The memory engine's transport: one process, so an emitter is the whole bus. */
export function memoryPubSub(): PubSubTransport {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: async (channel, message) => void emitter.emit(channel, message),
    subscribe: async (channel, onMessage) => void emitter.on(channel, onMessage),
    close: async () => void emitter.removeAllListeners(),
  };
}
