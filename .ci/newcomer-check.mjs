// The newcomer's path, checked in CI: in this clean clone, with no DATABASE_URL, REDIS_URL or .env,
// run the README's first command, wait for /api/health, sign up, sign in, claim a promotion
// (created through the admin API with the generated admin account), then stop the app.
import { spawn } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";

const PORT = 3900 + Math.floor(Math.random() * 90);
const BASE = `http://127.0.0.1:${PORT}`;
const STARTUP_LIMIT_MS = 300_000;

// The command is taken from the README itself, so the README cannot drift from what CI proves.
const readmeLine = readFileSync("README.md", "utf8")
  .split("\n")
  .find((line) => line.includes("# 1. start the app"));
if (!readmeLine) throw new Error('README.md has no line marked "# 1. start the app"');
const command = readmeLine.replace(/#.*$/, "").trim();

const env = { ...process.env, PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1" };
for (const name of ["DATABASE_URL", "REDIS_URL", "NEXTAUTH_URL", "NEXTAUTH_SECRET", "ADMIN_EMAIL", "ADMIN_PASSWORD"])
  delete env[name];

console.log(`newcomer check: ${command} (PORT=${PORT}, no services configured)`);
const app = spawn("bash", ["-c", command], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
let output = "";
app.stdout.on("data", (d) => (output += d));
app.stderr.on("data", (d) => (output += d));

function stop() {
  try {
    process.kill(-app.pid, "SIGTERM");
  } catch {}
}

/** A tiny cookie jar over fetch. */
const cookies = new Map();
async function request(path, init = {}) {
  const headers = { ...init.headers, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") };
  const res = await fetch(`${BASE}${path}`, { ...init, headers, redirect: "manual" });
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const index = pair.indexOf("=");
    cookies.set(pair.slice(0, index), pair.slice(index + 1));
  }
  return res;
}

function expectStatus(res, status, what) {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}`);
}

async function signIn(email, password) {
  const { csrfToken } = await (await request("/api/auth/csrf")).json();
  const body = new URLSearchParams({ csrfToken, email, password, json: "true" });
  await request("/api/auth/callback/credentials", {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  const session = await (await request("/api/auth/session")).json();
  if (session?.user?.email !== email) throw new Error(`sign-in as ${email} failed`);
}

async function main() {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  for (;;) {
    if (app.exitCode !== null) throw new Error("the app exited during start-up");
    try {
      const res = await fetch(`${BASE}/api/health`);
      if (res.ok) {
        console.log(`health: ${JSON.stringify(await res.json())}`);
        break;
      }
    } catch {}
    if (Date.now() > deadline) throw new Error("the app did not become healthy in time");
    await new Promise((r) => setTimeout(r, 1_000));
  }

  const admin = JSON.parse(readFileSync(".data/admin.json", "utf8"));
  await signIn(admin.email, admin.password);
  const startsAt = new Date(Date.now() - 1_000);
  const created = await request("/api/admin/promotions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      title: "Newcomer check",
      totalStock: 5,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      // The coupon terms of issue #21: 10% off, at most ₩3,000, on orders of ₩30,000, 7 days.
      discount: { type: "PERCENT", value: 10 },
      currency: "KRW",
      maxDiscountAmount: 3_000,
      minOrderAmount: 30_000,
      validity: { days: 7 },
      published: true,
    }),
  });
  expectStatus(created, 201, "admin creates a promotion");
  const { promotion } = await created.json();
  // A fair-start promotion too (the draw on the embedded database and the memory engine): its
  // one-minute entry window is open now, T0 in 20 seconds (`npm run dev` compiles each route on
  // its first request, which takes seconds here).
  const fairT0 = new Date(Date.now() + 20_000);
  const fairCreated = await request("/api/admin/promotions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      title: "Newcomer fair start",
      totalStock: 5,
      startsAt: fairT0.toISOString(),
      endsAt: new Date(fairT0.getTime() + 3_600_000).toISOString(),
      discount: { type: "PERCENT", value: 10 },
      published: true,
      fairStart: { windowSeconds: 60 },
    }),
  });
  expectStatus(fairCreated, 201, "admin creates a fair-start promotion");
  const { promotion: fair } = await fairCreated.json();
  cookies.clear();

  const email = `newcomer-${Date.now()}@example.test`;
  // The sign-up proof of work, solved as the README tells scripted clients to.
  const challenge = await (await request("/api/auth/challenge")).json();
  const solution = await solveChallenge({ challenge, deriveKey });
  const altcha = Buffer.from(
    JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution }),
  ).toString("base64");
  const signup = await request("/api/auth/signup", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "newcomer-password", altcha }),
  });
  expectStatus(signup, 201, "sign up");
  await signIn(email, "newcomer-password");
  const claim = await request(`/api/promotions/${promotion.id}/claim`, { method: "POST" });
  expectStatus(claim, 201, "claim");
  const { claim: won } = await claim.json();
  if (Date.parse(won.expiresAt) - Date.parse(won.claimedAt) !== 7 * 86_400_000)
    throw new Error(`the coupon does not expire 7 days after its claim: ${JSON.stringify(won)}`);

  // Fair start: enter inside the window, wait for the draw at T0, win (one entrant, five coupons)
  // with the ticket anyone can recompute from the revealed seed.
  const entered = await request(`/api/promotions/${fair.id}/entry`, { method: "POST" });
  expectStatus(entered, 202, "enter the draw");
  const me = (await (await request("/api/auth/session")).json()).user.id;
  let entry;
  for (const deadline = fairT0.getTime() + 30_000; ;) {
    entry = (await (await request(`/api/promotions/${fair.id}/entry`)).json()).entry;
    if (entry.status !== "WAITING") break;
    if (Date.now() > deadline) throw new Error("the draw did not settle within 30 s of T0");
    await new Promise((r) => setTimeout(r, 500));
  }
  if (entry.status !== "WON" || !entry.claim) throw new Error(`the only entrant did not win: ${JSON.stringify(entry)}`);
  const { promotion: drawn } = await (await request(`/api/promotions/${fair.id}`)).json();
  const seed = Buffer.from(drawn.fairStart.seed, "hex");
  if (createHash("sha256").update(seed).digest("hex") !== drawn.fairStart.seedSha256)
    throw new Error("the seed does not match its hash");
  if (createHmac("sha256", seed).update(me).digest("hex") !== entry.ticket)
    throw new Error("the ticket is not HMAC(seed, user id)");
  // After the draw, so its 20-second entry window is not spent compiling the page and one more
  // route (`npm run dev` compiles each on first use: 27 s for the page on a busy 2-core box).
  const page = await request(`/p/${promotion.slug}`);
  expectStatus(page, 200, "promotion page");
  const { promotion: shown } = await (await request(`/api/promotions/${promotion.id}`)).json();
  const terms = {
    currency: "KRW",
    maxDiscountAmount: 3_000,
    minOrderAmount: 30_000,
    validity: { days: 7 },
    timeZone: "Asia/Seoul",
  };
  for (const [field, value] of Object.entries(terms))
    if (JSON.stringify(shown[field]) !== JSON.stringify(value))
      throw new Error(`promotion ${field}: ${JSON.stringify(shown[field])}`);
  console.log(
    `newcomer check passed: signed up, claimed coupon ${won.couponCode}, won the draw with ticket ${entry.ticket.slice(0, 8)}…`,
  );
}

main()
  .then(() => {
    stop();
    process.exit(0);
  })
  .catch((error) => {
    console.error(`newcomer check FAILED: ${error.message}\n--- app output ---\n${output.slice(-5_000)}`);
    stop();
    process.exit(1);
  });
