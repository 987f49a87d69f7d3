// Outages that pass by themselves: the database or the stock engine unreachable, a connection
// dropped, a timeout, a write conflict. They answer 503 with Retry-After; anything else that
// nobody expected is a bug and answers 500.

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);
const ERROR_NAMES = new Set(["MaxRetriesPerRequestError", "ClusterAllFailedError", "AbortError", "TimeoutError"]);
// Prisma: can't reach / timed out / closed (P1xxx), pool timeout (P2024), write conflict (P2034).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2034"]);
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionWriteConflict",
]);
// PostgreSQL SQLSTATE: connection exceptions (08), shutdown (57P0x), too many connections,
// serialization failure and deadlock (retry-safe by definition).
const SQLSTATE = /^(08...|57P0[123]|53300|40001|40P01)$/;
const MESSAGES =
  /Connection is closed|Command timed out|Connection terminated|terminating connection|Stream isn't writeable|Failed to refresh slots cache|fetch failed|timeout exceeded when trying to connect/i;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { code?: unknown; driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } };
}

export function isTransientOutage(error: unknown): boolean {
  // Follow the cause chain a few links: clients wrap the socket error they saw.
  for (
    let e = error as ErrorLike | undefined, depth = 0;
    e && typeof e === "object" && depth < 5;
    e = e.cause as ErrorLike, depth++
  ) {
    const code = typeof e.code === "string" ? e.code : undefined;
    const adapterCause = e.meta?.driverAdapterError?.cause;
    if (code && (NETWORK_CODES.has(code) || PRISMA_CODES.has(code) || SQLSTATE.test(code))) return true;
    if (typeof e.name === "string" && ERROR_NAMES.has(e.name)) return true;
    if (typeof adapterCause?.kind === "string" && ADAPTER_KINDS.has(adapterCause.kind)) return true;
    if (typeof adapterCause?.code === "string" && SQLSTATE.test(adapterCause.code)) return true;
    if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  }
  return false;
}
