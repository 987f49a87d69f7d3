import "server-only";
import { availableParallelism } from "node:os";
import { z } from "zod";
import { DEFAULT_DOTLESS_DOMAINS, parseDotlessDomains } from "@/lib/auth/email";
import { LOCALES } from "@/lib/i18n/locale";
import { currencySchema, timeZoneSchema } from "@/lib/promotions/schemas";

/** One "host:port" of REDIS_CLUSTER_NODES, parsed into what the cluster client takes. */
const clusterNode = z
  .string()
  .regex(/^[^\s:]+:\d{1,5}$/, "expected host:port")
  .transform((node) => {
    const [host, port] = node.split(":");
    return { host, port: Number(port) };
  })
  .refine((node) => node.port >= 1 && node.port <= 65535, "port must be 1-65535");

/** "a, b,,c" -> ["a", "b", "c"]: the comma-separated lists of the environment. */
const commaList = z.string().transform((list) =>
  list
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean),
);

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** "10/10s" -> at most 10 attempts in any 10 seconds (units ms, s, m, h). */
const rateLimit = z
  .string()
  .regex(/^\d+\/\d+(ms|s|m|h)$/, 'expected "count/window", e.g. "10/10s", "5/500ms" or "5/1h"')
  .transform((value) => {
    const [, count, amount, unit] = value.match(/^(\d+)\/(\d+)(ms|s|m|h)$/)!;
    return { limit: Number(count), windowMs: Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS] };
  })
  .refine((r) => r.limit >= 1 && r.windowMs >= 100, "count must be at least 1 and the window at least 100ms");

// Every environment variable the server reads, parsed once. Wrong values stop the process with
// a message naming the variable, instead of failing later in some request.
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    // Connections per process. The embedded database (PGlite) has one backend and sets this to 1.
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[\w:.-]*$/)
      .default(""),
    // Redis Cluster seed nodes, "host:port,host:port"; takes precedence over REDIS_URL.
    REDIS_CLUSTER_NODES: commaList.pipe(z.array(clusterNode).min(1, "needs at least one host:port")).optional(),
    // Upstash Redis over REST (serverless): both or neither, checked below.
    UPSTASH_REDIS_REST_URL: z.url({ protocol: /^https?$/ }).optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    // Required (checked below) whenever DATABASE_URL is set; only the zero-service run generates one.
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    NEXTAUTH_URL: z.url().optional(),
    // Bearer token for POST /api/cron/issue (serverless deployments without a resident worker).
    CRON_SECRET: z.string().min(16).optional(),
    // Bearer token for GET /api/metrics (Prometheus); unset, the endpoint answers 404.
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    // "off" keeps this process from running the issuing worker (e.g. when `npm run worker` runs apart).
    ISSUING_WORKER: z.enum(["on", "off"]).default("on"),
    // A win whose claim row has not appeared after this many seconds is a phantom (its process
    // died between the script and the write) and goes back on sale.
    PHANTOM_RELEASE_AFTER_S: z.coerce.number().min(1).max(3_600).default(10),
    // "true" lets the coupon service and validator URLs of promotions reach loopback, private and
    // link-local addresses (local development, tests). Off, such a URL is refused (SSRF guard).
    ALLOW_PRIVATE_SERVICE_URLS: z
      .enum(["true", "false"])
      .default("false")
      .transform((value) => value === "true"),
    // Claim rate limits per user and per client IP, as "count/window" (window in s or ms);
    // RATE_LIMIT=off turns both off (load tests).
    RATE_LIMIT: z.enum(["on", "off"]).default("on"),
    RATE_LIMIT_USER: rateLimit.default({ limit: 10, windowMs: 10_000 }),
    RATE_LIMIT_IP: rateLimit.default({ limit: 300, windowMs: 10_000 }),
    // How long a process trusts what it last heard of an account's session state (revocation,
    // role, disabled) before asking the stock engine again. At most 30 s, so a revocation reaches
    // every instance within a minute (lib/sessions/checks.ts).
    SESSION_STATE_CACHE_MS: z.coerce.number().int().min(0).max(30_000).default(30_000),
    // The client address (lib/http/client-address.ts): how many proxies in front of the server
    // append to X-Forwarded-For (0: the socket's address, the header is ignored), or the list of
    // proxy addresses/CIDRs trusted to do so (takes precedence when set).
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    TRUSTED_PROXIES: commaList
      .pipe(z.array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { error: "expected IP addresses or CIDRs" })))
      .optional(),
    // Sign-up and sign-in throttles (lib/auth/throttle.ts), also off with RATE_LIMIT=off.
    SIGNUP_RATE_LIMIT: rateLimit.default({ limit: 5, windowMs: 3_600_000 }),
    SIGNIN_RATE_LIMIT_IP: rateLimit.default({ limit: 30, windowMs: 60_000 }),
    SIGNIN_RATE_LIMIT_EMAIL: rateLimit.default({ limit: 10, windowMs: 60_000 }),
    // After this many failed sign-ins in a row an email is locked for SIGNIN_LOCKOUT_BASE_S,
    // doubling with each further failure up to SIGNIN_LOCKOUT_MAX_S.
    SIGNIN_LOCKOUT_AFTER: z.coerce.number().int().min(1).max(1_000).default(5),
    SIGNIN_LOCKOUT_BASE_S: z.coerce.number().int().min(1).max(86_400).default(60),
    SIGNIN_LOCKOUT_MAX_S: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 86_400)
      .default(3_600),
    // Password hashes (sign-in, sign-up) running at once in this process (lib/auth/hash-slots.ts);
    // past that, and as many waiting, sign-in and sign-up answer 503 UNAVAILABLE. By default one
    // core is left to the event loop (claims): 1 on a 2-core box.
    PASSWORD_HASH_CONCURRENCY: z.coerce
      .number()
      .int()
      .min(1)
      .max(64)
      .default(Math.max(1, availableParallelism() - 1)),
    // Proof of work (ALTCHA) on sign-up, and its cost: the counter a solver must reach is drawn
    // from [max/2, max], each step one PBKDF2 of lib/auth/challenge.ts's fixed iteration count.
    SIGNUP_CHALLENGE: z.enum(["on", "off"]).default("on"),
    SIGNUP_CHALLENGE_MAX_NUMBER: z.coerce.number().int().min(2).max(100_000).default(64),
    // Mail providers that ignore dots and +tags, "domain" or "alias=domain" (one account per mailbox).
    EMAIL_CANONICAL_DOMAINS: z.string().default(DEFAULT_DOTLESS_DOMAINS).transform(parseDotlessDomains),
    // What a promotion created without `currency` / `timeZone` gets (lib/promotions/admin.ts).
    DEFAULT_CURRENCY: currencySchema.default("USD"),
    DEFAULT_TIME_ZONE: timeZoneSchema.default("Asia/Seoul"),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(8).max(72).optional(),
    // The UI's language when neither the NEXT_LOCALE cookie nor Accept-Language names one (lib/i18n/locale.ts).
    DEFAULT_LOCALE: z.enum(LOCALES).default("en"),
  })
  .refine((e) => !e.UPSTASH_REDIS_REST_URL === !e.UPSTASH_REDIS_REST_TOKEN, {
    message: "set both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN, or neither",
    path: ["UPSTASH_REDIS_REST_TOKEN"],
  })
  // A real database means a real deployment: sessions must not be signed with a guessable or
  // per-machine key. (The zero-service run sets its generated secret before this is parsed.)
  .refine((e) => !e.DATABASE_URL || e.NEXTAUTH_SECRET, {
    message: "required (at least 32 characters) whenever DATABASE_URL is set",
    path: ["NEXTAUTH_SECRET"],
  })
  .refine((e) => e.SIGNIN_LOCKOUT_BASE_S <= e.SIGNIN_LOCKOUT_MAX_S, {
    message: "must be at least SIGNIN_LOCKOUT_BASE_S",
    path: ["SIGNIN_LOCKOUT_MAX_S"],
  });

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}\nSee .env.example.`);
  }
  return parsed.data;
}

export const env = parseEnv();
