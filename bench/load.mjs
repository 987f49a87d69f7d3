// One autocannon run over loopback, in this process, summarised the same way for both servers.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

export const CONNECTIONS = 100;
const REQUEST_TIMEOUT_S = 10;

/**
 * Fires `method path` at `url` with `connections` (default 100) until `limit` ({duration: s} or
 * {amount: n}) is reached. `headersFor()` gives each request its own headers (another user);
 * it returns null when it has no user left, which ends the run early. `bodyFor()`, if given, gives
 * each request its body.
 * With `pid` (the server's process), also the server's CPU time per answered request.
 * Returns figures plus each status's count, the times (ms since start) of 2xx answers and of
 * the last answer.
 */
export async function runLoad({
  url,
  method,
  path,
  limit,
  headersFor = () => ({}),
  bodyFor,
  pid,
  connections = CONNECTIONS,
  rate,
}) {
  const statusCounts = {};
  const successTimes = [];
  let lastAnswerMs = null;
  let exhausted = false;
  let lastHeaders = {};
  let instance;
  const started = Date.now();
  const cpuBefore = processCpuMs(pid);

  const setupRequest = (request) => {
    const headers = headersFor();
    if (headers) lastHeaders = headers;
    else {
      // Out of users: stop. Requests already being built go out as the last user (and count).
      exhausted = true;
      instance?.stop();
    }
    const body = bodyFor ? { body: bodyFor() } : {};
    return { ...request, ...body, headers: { ...request.headers, ...lastHeaders } };
  };
  const onResponse = (status) => {
    statusCounts[status] = (statusCounts[status] ?? 0) + 1;
    lastAnswerMs = Date.now() - started;
    if (status >= 200 && status < 300) successTimes.push(lastAnswerMs);
  };

  instance = autocannon({
    url,
    connections,
    timeout: REQUEST_TIMEOUT_S,
    ...limit,
    // Requests per second over all connections, when the load is paced (a crowd spread over a window).
    ...(rate ? { overallRate: rate } : {}),
    requests: [{ method, path, setupRequest, onResponse }],
  });
  const result = await instance;
  const cpuMs = processCpuMs(pid) - cpuBefore;
  return summarize(result, { started, cpuMs, statusCounts, successTimes, lastAnswerMs, exhausted });
}

function summarize(result, { started, cpuMs, statusCounts, successTimes, lastAnswerMs, exhausted }) {
  const completed = result.latency.totalCount;
  const cpuMsPerRequest = Number.isFinite(cpuMs) && completed ? Math.round((cpuMs / completed) * 1000) / 1000 : null;
  // From the first request to the last answer. autocannon's own `duration` counts whole ticks of its
  // one-second timer: a burst of 4,500 claims answered in 2.1 s or in 2.9 s both read as 3 s.
  const durationS = lastAnswerMs > 0 ? lastAnswerMs / 1000 : result.duration;
  return {
    startedAt: started,
    requests: completed,
    durationS: Math.round(durationS * 100) / 100,
    requestsPerSec: Math.round(completed / durationS),
    cpuMsPerRequest,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCounts,
    successTimes,
    lastAnswerMs,
    stoppedEarly: exhausted ? "user pool exhausted" : undefined,
  };
}

let ticksPerSecond;

/**
 * CPU time (user + system) a process has used so far, from Linux's /proc; NaN elsewhere.
 * Unlike requests per second, it does not depend on what else the shared box is running.
 */
function processCpuMs(pid) {
  if (!pid) return NaN;
  try {
    ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));
    // Fields after the ")" that closes the command name: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return NaN;
  }
}
