// Structured logs through pino: one JSON object per line ({time, level, msg, ...fields}), written
// asynchronously so a burst of requests never waits on the terminal or a log pipe; pino flushes
// what is buffered when the process exits.
import pino from "pino";
import { redactForLog, redactUrlCredentials } from "./log-redact";

type Level = "info" | "warn" | "error";

// Lines are gathered into writes of 4 KB and flushed at least every 250 ms: one write syscall
// per line cost about a tenth of a claim's CPU under load (bench/RESULTS.md).
const logger = pino(
  {
    base: undefined, // no pid/hostname on every line: collectors add their own
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // No `error` serializer here: log() serializes errors itself, before it redacts them.
    // Read here, not through lib/env.ts: logging starts before the local run has set its
    // environment (lib/process-start.ts), and env.ts parses it once, on first import.
    level: process.env.LOG_LEVEL ?? "info",
  },
  pino.destination({ sync: false, minLength: 4096, periodicFlush: 250 }),
);

/**
 * One log line. Every string in it, errors included, is cleaned of credential-named query values
 * first (lib/log-redact.ts): a URL with ?password= or ?token= reaches no log, whatever logged it.
 */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  logger[level](redactForLog(fields) as Record<string, unknown>, redactUrlCredentials(msg));
}
