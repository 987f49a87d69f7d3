// Real HTTP servers standing in for the external services a promotion may use.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { signature } from "@/lib/issuance/http-issuer";

async function listen(handler: (req: IncomingMessage, body: string, res: ServerResponse) => void) {
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => handler(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/**
 * A coupon service with controllable faults. It issues at most one code per Idempotency-Key
 * (a repeat gets 409 with the same code), verifies the signature, and counts everything.
 * A "timeout" issues the code but answers too late: the worst case, a lost answer.
 */
export async function startCouponService(options: {
  secret: string;
  failRate?: number;
  timeoutRate?: number;
  delayMs?: number;
  status?: number;
  /** Answer this code for every key: a broken service that hands one coupon to several people. */
  code?: string;
}) {
  const calls = new Map<string, number>();
  const codes = new Map<string, string>();
  /** The last body each key was sent with, parsed. */
  const bodies = new Map<string, Record<string, unknown>>();
  const stats = { requests: 0, badSignatures: 0, failures: 0, timeouts: 0 };
  const service = await listen((req, body, res) => {
    stats.requests++;
    const key = String(req.headers["idempotency-key"] ?? "");
    calls.set(key, (calls.get(key) ?? 0) + 1);
    if (req.headers["x-signature"] !== signature(body, options.secret) || JSON.parse(body).claimId !== key) {
      stats.badSignatures++;
      return json(res, 401, { error: "bad signature" });
    }
    bodies.set(key, JSON.parse(body));
    if (options.status) return json(res, options.status, { error: "forced" });
    const roll = Math.random();
    if (roll < (options.failRate ?? 0)) {
      stats.failures++;
      return json(res, 503, { error: "try later" });
    }
    const existing = codes.get(key);
    const code = existing ?? options.code ?? `EXT-${randomBytes(6).toString("hex").toUpperCase()}`;
    codes.set(key, code);
    const answer = () => json(res, existing ? 409 : 201, { couponCode: code });
    if (roll < (options.failRate ?? 0) + (options.timeoutRate ?? 0)) {
      stats.timeouts++;
      setTimeout(answer, options.delayMs ?? 1_000);
      return;
    }
    answer();
  });
  return { ...service, calls, codes, bodies, stats };
}

/** An eligibility service answering with `decide(userId)`. */
export async function startValidator(
  decide: (input: { userId: string; email: string | null }) => { status: number; body?: unknown; delayMs?: number },
) {
  const seen: string[] = [];
  const service = await listen((_req, body, res) => {
    const input = JSON.parse(body);
    seen.push(input.userId);
    const { status, body: answer, delayMs } = decide(input);
    setTimeout(() => json(res, status, answer ?? {}), delayMs ?? 0);
  });
  return { ...service, seen };
}

/** A service that answers every request with a redirect (307 keeps the method and body) to `location`. */
export async function startRedirect(location: string, status = 307) {
  return listen((_req, _body, res) => res.writeHead(status, { location }).end());
}
