import { randomBytes } from "node:crypto";
import { log } from "@/lib/log";
import { processState } from "@/lib/process-state";
import { listPromotionsWithStats } from "@/lib/promotions/admin";
import type { Services } from "@/lib/services";
import { ClaimRates, RATE_WINDOW_MS } from "./claim-rate";
import { coalescer } from "./coalesce";
import type { LivePromotion, LiveSnapshotEvent, LiveUpdateEvent } from "./events";

export interface LiveHubOptions {
  /** At most one refresh per interval (so ~10 updates a second per promotion at 100 ms). */
  intervalMs?: number;
  /** A ping event this often: proxies keep the connection, the browser knows it is alive. */
  heartbeatMs?: number;
  /** Streams end after this long, so the browser reconnects and its session is checked again. */
  maxAgeMs?: number;
}

interface Client {
  /** null: the dashboard, every promotion. */
  ids: Set<string> | null;
  /** The read sequence of this client's snapshot: updates read before it are older than what it has. */
  snapshotSeq: number;
  /** Events held back until the snapshot has gone out. */
  held: string[] | null;
  controller: ReadableStreamDefaultController<Uint8Array>;
  openedAt: number;
}

const encoder = new TextEncoder();
// A client this many frames behind is not reading (a stalled or vanished connection): it is cut
// off, so its frames never pile up in memory; its browser reconnects and gets a fresh snapshot.
const MAX_UNREAD_FRAMES = 200;

export interface LiveHub {
  /** A server-sent event stream: the snapshot first, then updates. Rejects if the feed or database fails. */
  open(ids: readonly string[] | null): Promise<ReadableStream<Uint8Array>>;
  readonly clients: number;
  /** Ends every stream and stops listening (server shutdown). */
  close(): void;
}

/**
 * One per process: listens on the engine's change feed once for all its SSE clients, reads the
 * figures of the changed promotions once per coalescing window (whoever asked), and fans them
 * out to the clients watching them.
 */
export function createLiveHub(services: Services, options: LiveHubOptions = {}): LiveHub {
  const { intervalMs = 100, heartbeatMs = 15_000, maxAgeMs = 10 * 60_000 } = options;
  const feed = services.engine.changes;
  const clients = new Set<Client>();
  const rates = new ClaimRates();
  const bootId = randomBytes(4).toString("hex");
  let eventSeq = 0;
  let readSeq = 0;
  let subscription: Promise<() => void> | null = null;
  let closed = false;

  const watches = (c: Client, id: string) => !c.ids || c.ids.has(id);
  const withRates = (promotions: Awaited<ReturnType<typeof listPromotionsWithStats>>): LivePromotion[] => {
    const now = Date.now();
    return promotions.map((p) => ({ ...p, claimRate: rates.rate(p.id, now, p.stats.claimed) }));
  };

  function frame(event: string, data: unknown): string {
    return `id: ${bootId}-${++eventSeq}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  }
  function write(c: Client, text: string) {
    try {
      if ((c.controller.desiredSize ?? 0) < -MAX_UNREAD_FRAMES) return end(c);
      c.controller.enqueue(encoder.encode(text));
    } catch {
      clients.delete(c); // the stream is gone (the browser left)
    }
  }
  function send(c: Client, text: string) {
    if (c.held) c.held.push(text);
    else write(c, text);
  }
  function end(c: Client) {
    clients.delete(c);
    try {
      c.controller.close();
    } catch {
      // already closed or cancelled
    }
  }

  const refresher = coalescer<string>(intervalMs, async (ids) => {
    const watched = ids.filter((id) => [...clients].some((c) => watches(c, id)));
    if (watched.length === 0) return;
    const seq = ++readSeq;
    let promotions: LivePromotion[];
    try {
      promotions = withRates(await listPromotionsWithStats(services, watched));
    } catch (error) {
      log("warn", "live refresh failed", { error });
      return;
    }
    const found = new Set(promotions.map((p) => p.id));
    const removed = watched.filter((id) => !found.has(id));
    for (const id of removed) rates.forget(id);
    for (const c of clients) {
      if (c.snapshotSeq > seq) continue;
      const update: LiveUpdateEvent = {
        promotions: promotions.filter((p) => watches(c, p.id)),
        removed: removed.filter((id) => watches(c, id)),
      };
      if (update.promotions.length + update.removed.length > 0) send(c, frame("update", update));
    }
    // While claims flow, and for the minute the sparkline shows them, look again a window later:
    // claims/s falls back to 0 when they stop and the sparkline keeps moving without changes.
    for (const p of promotions) {
      if (p.claimRate > 0 || p.claimsPerSecond.some((n) => n > 0)) refresher.addLater(p.id, RATE_WINDOW_MS);
    }
  });

  const heartbeat = setInterval(() => {
    const now = Date.now();
    for (const c of clients) {
      if (now - c.openedAt >= maxAgeMs) end(c);
      else send(c, frame("ping", { serverTime: new Date(now).toISOString() }));
    }
  }, heartbeatMs);
  heartbeat.unref?.();

  function listen(): Promise<() => void> {
    if (!feed) return Promise.reject(new Error("this stock engine has no change feed"));
    subscription ??= feed
      .subscribe((ids) => {
        if (clients.size > 0) for (const id of ids) refresher.add(id);
      })
      .catch((error: unknown) => {
        subscription = null;
        throw error;
      });
    return subscription;
  }

  return {
    get clients() {
      return clients.size;
    },

    async open(ids) {
      if (closed) throw new Error("the live hub is closed");
      // Listening before the snapshot is read: a change after the read is never missed.
      await listen();
      let controller!: ReadableStreamDefaultController<Uint8Array>;
      let client: Client | null = null;
      const stream = new ReadableStream<Uint8Array>({
        start: (c) => void (controller = c),
        cancel: () => void (client && clients.delete(client)),
      });
      client = { ids: ids && new Set(ids), snapshotSeq: ++readSeq, held: [], controller, openedAt: Date.now() };
      clients.add(client);
      try {
        const promotions = withRates(await listPromotionsWithStats(services, ids ?? undefined));
        const found = new Set(promotions.map((p) => p.id));
        const snapshot: LiveSnapshotEvent = { promotions, missing: (ids ?? []).filter((id) => !found.has(id)) };
        // retry: the browser's reconnect delay after a dropped connection.
        write(client, `retry: 1000\n${frame("snapshot", snapshot)}`);
        for (const text of client.held ?? []) write(client, text);
        client.held = null;
      } catch (error) {
        clients.delete(client);
        throw error;
      }
      return stream;
    },

    close() {
      closed = true;
      clearInterval(heartbeat);
      refresher.stop();
      for (const c of [...clients]) end(c);
      void subscription?.then((unsubscribe) => unsubscribe()).catch(() => {});
    },
  };
}

// One hub per process (lib/process-state.ts): the route handler creates it, the production
// server closes it on shutdown.
const hubHolder = () => processState<{ hub?: LiveHub }>("live/hub", () => ({}));

export function liveHub(services: Services): LiveHub {
  return (hubHolder().hub ??= createLiveHub(services));
}

/** Ends every live stream of this process, so a graceful stop is not held up by open dashboards. */
export function closeLiveStreams(): void {
  hubHolder().hub?.close();
  hubHolder().hub = undefined;
}
