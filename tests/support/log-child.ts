// A server process whose log the test reads: it serves requests that carry credentials in their
// query through the real endpoint wrapper, fails on them the way a handler's bug would (an error
// that holds the URL), and logs the other kinds of line that can hold a URL. Its stdout is the log.
// Run with tsx under the react-server condition.
export {};

async function main() {
  const [url] = process.argv.slice(2);
  const { endpoint } = await import("@/lib/http/route");
  const { fromWebRequest } = await import("@/lib/http/request");
  const { log } = await import("@/lib/log");
  const { nextAuthLogger } = await import("@/lib/sessions/jwt");

  // A handler that rebuilds its URL without a base: Node's ERR_INVALID_URL keeps it as `input`.
  const buggy = endpoint({ access: "public" }, async ({ req }) => {
    new URL(`${req.path}?${req.query.toString()}`);
    return { status: 200, body: {} };
  });
  const reply = await buggy(fromWebRequest(new Request(url, { method: "POST" })), {});
  log("info", "probe answered", { status: reply.status });
  // A service address holding a token (an admin-configured validator), and next-auth's own errors.
  log("warn", `validator unavailable at ${url}`, { url, cause: new Error(`connect ECONNREFUSED for ${url}`) });
  nextAuthLogger.error("CLIENT_FETCH_ERROR", { error: new TypeError(`fetch ${url} failed`) });
  // pino writes asynchronously and flushes what it holds when the process exits.
}

void main();
