// A minimal stand-in for Upstash's REST API (compatible with its local server, SRH, which ships
// only as a Docker image), backed by a real Redis. Enough of the protocol for @upstash/redis:
//   POST /            body ["CMD", ...args]          -> {result} | {error} (400)
//   POST /pipeline    body [["CMD", ...], ...]        -> [{result} | {error}, ...] (not atomic)
//   POST /multi-exec  body [["CMD", ...], ...]        -> [{result} | {error}, ...] (MULTI/EXEC)
// Every request needs `Authorization: Bearer <token>`. With `Upstash-Encoding: base64` every
// string in a reply except "OK" is base64-encoded (the client asks for that by default).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Redis } from "ioredis";

type Command = [string, ...(string | number | boolean)[]];
type Reply = { result: unknown } | { error: string };

/** A reply as JSON: strings from Redis arrive as Buffers (callBuffer) and keep their bytes. */
function encode(value: unknown, base64: boolean): unknown {
  if (Buffer.isBuffer(value)) {
    const text = value.toString("utf8");
    return base64 && text !== "OK" ? value.toString("base64") : text;
  }
  if (Array.isArray(value)) return value.map((item) => encode(item, base64));
  return value; // integers and nil
}

function isCommand(value: unknown): value is Command {
  return (
    Array.isArray(value) && typeof value[0] === "string" && value.every((v) => ["string", "number", "boolean"].includes(typeof v))
  );
}

function isCommandList(value: unknown): value is Command[] {
  return Array.isArray(value) && value.every(isCommand);
}

const args = ([, ...rest]: Command) => rest.map(String);

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function startUpstashBridge(options: { redisUrl: string; token: string }) {
  const redis = new Redis(options.redisUrl);
  // Transactions get a connection of their own, so they never share a socket with the rest.
  const transactions = new Redis(options.redisUrl);

  const run = async (command: Command, base64: boolean): Promise<Reply> => {
    try {
      return { result: encode(await redis.callBuffer(command[0], ...args(command)), base64) };
    } catch (error) {
      return { error: message(error) };
    }
  };

  const multiExec = async (commands: Command[], base64: boolean): Promise<Reply[]> => {
    const multi = transactions.multi();
    for (const command of commands) multi.callBuffer(command[0], ...args(command));
    const results = (await multi.exec()) ?? [];
    return results.map(([error, result]) => (error ? { error: message(error) } : { result: encode(result, base64) }));
  };

  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- a test double: a failing request fails its test
  const server = createServer(async (req, res) => {
    if (req.headers.authorization !== `Bearer ${options.token}`) return send(res, 401, { error: "Unauthorized" });
    if (req.method !== "POST") return send(res, 405, { error: "Only POST is supported" });
    const base64 = String(req.headers["upstash-encoding"]).toLowerCase() === "base64";
    let body: unknown;
    try {
      body = await readJson(req);
    } catch {
      return send(res, 400, { error: "ERR the request body is not JSON" });
    }
    try {
      if (req.url === "/" && isCommand(body)) {
        const reply = await run(body, base64);
        return send(res, "error" in reply ? 400 : 200, reply);
      }
      if (req.url === "/pipeline" && isCommandList(body)) {
        return send(res, 200, await Promise.all(body.map((command) => run(command, base64))));
      }
      if (req.url === "/multi-exec" && isCommandList(body)) {
        return send(res, 200, await multiExec(body, base64));
      }
      return send(res, 400, { error: `ERR unsupported request to ${req.url}` });
    } catch (error) {
      // A whole transaction refused (EXECABORT) or Redis unreachable.
      return send(res, 400, { error: message(error) });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as { port: number };

  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections(); // the client keeps connections alive
      await new Promise<void>((resolve) => server.close(() => resolve()));
      redis.disconnect();
      transactions.disconnect();
    },
  };
}
