// Random requests for one API route: any method, odd ids, query strings, content types, bodies
// and sessions. None of them is a valid change, by construction (see `existingIds` and `__fuzz`),
// so a fuzz run must leave every row as it was.
import type { Random } from "./random";
import type { ApiRoute, Segment } from "./routes";

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"] as const;

export interface FuzzContext {
  /**
   * Ids of rows that exist. Used only with methods that cannot change them here: reads, and PATCH,
   * whose body always fails validation. A POST or DELETE with a real id (pause, claim, delete)
   * would be a valid change, so those get ids that name nothing.
   */
  existingIds: readonly string[];
  cookies: { admin: string; user: string };
  /** The server's own origin (for the same-origin check of mutations). */
  origin: string;
}

export interface FuzzRequest {
  method: string;
  /** Path and query exactly as sent: escaped, or deliberately malformed. */
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** What was chosen, for the failure report. */
  description: string;
}

const MALFORMED_ESCAPES = ["%ZZ", "%", "%%", "%E0%A4%A", "%C0%AF", "%u0041", "%G1", "abc%2", "%FF%FE", "%ED%A0%80"];
const TRAVERSAL = [
  "..",
  ".",
  "..%2F..%2Fetc%2Fpasswd",
  "%2e%2e",
  "%2e%2e%2f%2e%2e",
  "..%5C..%5Cwindows",
  "%252e%252e%252f",
  "....//",
];
const ODD_IDS = [
  "null",
  "undefined",
  "0",
  "-1",
  "__proto__",
  "constructor",
  "%00",
  "%0A",
  "%20",
  "%2F",
  "true",
  "%5Bobject%20Object%5D",
];
const UNICODE = ["ünïcödé", "日本語", "😀", "\u202e", "\u0000"];
const AUTH_ACTIONS = ["signin", "signout", "callback", "session", "csrf", "providers", "error", "verify-request", "_log"];
const FIELD_NAMES = [
  "email",
  "password",
  "name",
  "title",
  "description",
  "slug",
  "totalStock",
  "startsAt",
  "endsAt",
  "discount",
  "published",
  "issuer",
  "validator",
  // The coupon terms (issue #21), and the fields inside discount and validity.
  "currency",
  "maxDiscountAmount",
  "minOrderAmount",
  "validity",
  "timeZone",
  "days",
  "until",
  "type",
  "value",
  "csrfToken",
  "callbackUrl",
  "json",
  "__proto__",
];
const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=utf-16",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=fuzz",
  "text/plain",
  "application/octet-stream",
  "image/png",
  ";;;",
];
const HUGE_BYTES = [65 * 1024, 200 * 1024, 1024 * 1024];

export function fuzzRequest(random: Random, route: ApiRoute, ctx: FuzzContext): FuzzRequest {
  // Mostly a method the route exports (so its handler runs), sometimes any.
  const method = route.methods.length && random.chance(0.7) ? random.pick(route.methods) : random.pick(METHODS);
  const mayUseExisting = method === "GET" || method === "HEAD" || method === "OPTIONS" || method === "PATCH";
  const path = route.segments.map((s) => segment(random, s, () => id(random, mayUseExisting ? ctx.existingIds : []))).join("/");
  const headers: Record<string, string> = {};
  const session = random.pick(["none", "none", "admin", "admin", "user", "forged"] as const);
  if (session === "admin" || session === "user") headers.cookie = ctx.cookies[session];
  if (session === "forged")
    headers.cookie = `next-auth.session-token=${random.string(random.int(0, 400), "abcdefABCDEF0123456789.-_")}`;
  // next-auth reads these two cookies too: a callback URL that is no URL, a CSRF token that is no token.
  if (random.chance(0.15)) {
    const extra = `next-auth.callback-url=${random.pick(["abc", "%ZZ", "/ok", "https://evil.example/"])}; next-auth.csrf-token=${random.string(20)}|x`;
    headers.cookie = headers.cookie ? `${headers.cookie}; ${extra}` : extra;
  }
  const origin = random.pick([undefined, undefined, ctx.origin, "https://evil.example", "null"]);
  if (origin) headers.origin = origin;
  if (random.chance(0.1)) headers.authorization = `Bearer ${random.string(random.int(0, 64))}`;
  if (random.chance(0.05)) headers["x-request-id"] = random.string(random.int(1, 300));
  const contentType = random.chance(0.8) ? random.pick(CONTENT_TYPES) : undefined;
  if (contentType) headers["content-type"] = contentType;
  const body = method === "HEAD" || (method === "GET" && random.chance(0.8)) ? undefined : randomBody(random);
  return {
    method,
    url: `/${path}${query(random)}`,
    headers,
    body: body?.bytes,
    description: `${session} session, origin ${origin ?? "none"}, ${contentType ?? "no content type"}, body ${body ? `${body.kind} (${body.bytes.length} B)` : "none"}`,
  };
}

function segment(random: Random, s: Segment, randomId: () => string): string {
  if (s.kind === "literal") return s.value;
  if (s.kind === "param") return randomId();
  // next-auth's catch-all: mostly its own actions (and a provider), sometimes anything.
  if (s.name === "nextauth" && random.chance(0.7)) {
    const action = random.chance(0.8) ? random.pick(AUTH_ACTIONS) : randomId();
    return random.chance(0.5) ? `${action}/${random.pick(["credentials", "google", randomId()])}` : action;
  }
  return Array.from({ length: random.int(1, 3) }, randomId).join("/");
}

function id(random: Random, existing: readonly string[]): string {
  switch (random.int(0, 9)) {
    case 0:
    case 1:
      return existing.length ? random.pick(existing) : cuidish(random);
    case 2:
      return cuidish(random);
    case 3:
      return encodeURIComponent(random.string(random.int(1, 40), "abcXYZ019 -_.~!*'()<>\"{}|\\^`[]:@&=+$,;?#/"));
    case 4:
    case 5: {
      // A malformed escape alone or inside an id: Next's router cannot decode such a path.
      const escape = random.pick(MALFORMED_ESCAPES);
      return random.chance(0.5)
        ? escape
        : `${cuidish(random).slice(0, random.int(0, 12))}${escape}${random.string(random.int(0, 6))}`;
    }
    case 6:
      return random.pick(TRAVERSAL);
    case 7:
      // Long, but under Node's 16 KB header limit even three times over (a catch-all).
      return random.pick([cuidish(random), "x", "%41"]).repeat(random.int(20, 120));
    case 8:
      return encodeURIComponent(random.pick(UNICODE));
    default:
      return random.pick(ODD_IDS);
  }
}

const cuidish = (random: Random) => `c${random.string(24)}`;

function query(random: Random): string {
  if (random.chance(0.5)) return "";
  const keys = ["page", "pageSize", "format", "callbackUrl", "error", "csrf", "json", "id", "__proto__", random.string(3)];
  const values = ["", "1", "-1", "0", "1e9", "abc", "csv", "json", "xml", "https://evil.example/", "%ZZ", "%", "a%2", "[]", "{}"];
  const pairs = Array.from(
    { length: random.int(1, 4) },
    () => `${random.chance(0.1) ? random.pick(MALFORMED_ESCAPES) : random.pick(keys)}=${random.pick(values)}`,
  );
  if (random.chance(0.05)) pairs.push(`long=${"x".repeat(random.int(1_000, 3_000))}`);
  return `?${pairs.join("&")}`;
}

interface Body {
  kind: string;
  bytes: Buffer;
}

function randomBody(random: Random): Body | undefined {
  switch (random.int(0, 9)) {
    case 0:
      return undefined;
    case 1:
    case 2:
      return { kind: "JSON object", bytes: Buffer.from(JSON.stringify(jsonObject(random))) };
    case 3:
      return { kind: "JSON non-object", bytes: Buffer.from(JSON.stringify(jsonValue(random, 2))) };
    case 4: {
      const whole = JSON.stringify(jsonObject(random));
      return { kind: "broken JSON", bytes: Buffer.from(whole.slice(0, random.int(0, whole.length - 1))) };
    }
    case 5: {
      const size = random.pick(HUGE_BYTES);
      const json = random.chance(0.5);
      const bytes = json ? Buffer.from(JSON.stringify({ __fuzz: "x".repeat(size) })) : Buffer.alloc(size, random.int(0, 255));
      return { kind: json ? "huge JSON" : "huge binary", bytes };
    }
    case 6: {
      const form = new URLSearchParams(Object.entries(jsonObject(random)).map(([k, v]) => [k, String(v)]));
      // Sometimes with escapes that do not decode: body parsers must not throw on them either.
      const raw = random.chance(0.3)
        ? `${form.toString()}&${random.pick(MALFORMED_ESCAPES)}=${random.pick(MALFORMED_ESCAPES)}`
        : form.toString();
      return { kind: "form", bytes: Buffer.from(raw) };
    }
    case 7:
      return { kind: "binary", bytes: random.bytes(random.int(1, 2_000)) };
    case 8:
      return { kind: "deep JSON", bytes: Buffer.from(`${"[".repeat(5_000)}${"]".repeat(random.chance(0.5) ? 5_000 : 10)}`) };
    default:
      return { kind: "empty", bytes: Buffer.alloc(0) };
  }
}

/**
 * Always carries `__fuzz`, a field no schema knows: every schema is strict, so no object body is
 * ever a valid input (which is what makes PATCH with an existing id safe to send).
 */
function jsonObject(random: Random): Record<string, unknown> {
  const fields = Array.from({ length: random.int(0, 6) }, () => [random.pick(FIELD_NAMES), jsonValue(random, 2)]);
  // fromEntries makes "__proto__" an own field (an assignment would set the prototype instead).
  return Object.fromEntries([...fields, ["__fuzz", random.int(0, 1_000)]]);
}

function jsonValue(random: Random, depth: number): unknown {
  switch (random.int(0, depth > 0 ? 9 : 6)) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 10_000_001, 2_000_000, 2 ** 31, 3_651]);
    case 3:
      return random.string(random.int(0, 80), "abc@.xyz019 -_ü😀");
    case 4:
      return random.pick([
        "a@b.test",
        "not-an-email",
        "2026-12-01T09:00:00Z",
        "yesterday",
        "PERCENT",
        "HTTP",
        "http://127.0.0.1:1/",
        "KRW",
        "krw",
        "XXX",
        "Asia/Seoul",
        "Mars/Olympus_Mons",
        "+09:00",
        "../../etc/localtime",
      ]);
    case 5:
      return "x".repeat(random.int(70, 5_000));
    case 6:
      return "";
    case 7:
    case 8:
      return Object.fromEntries(
        Array.from({ length: random.int(0, 3) }, () => [random.pick(FIELD_NAMES), jsonValue(random, depth - 1)]),
      );
    default:
      return Array.from({ length: random.int(0, 3) }, () => jsonValue(random, depth - 1));
  }
}
