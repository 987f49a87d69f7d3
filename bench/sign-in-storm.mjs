// Scenario (h), sign-in storm: sign-ins through next-auth's credentials callback
// (POST /api/auth/callback/credentials, the request the sign-in page sends), compared with the KDF
// alone on the same machine (Argon2id verifies at the server's hash cap, and the scrypt of before
// on every core), and the claims' p99 without and with the storm beside them. Two storms:
// - the storm: STORM_CLIENTS people, each signing in again at once after an answer, and after a
//   503 waiting its Retry-After first (as the sign-in page does); the targets are judged on it;
// - the hammer: 100 connections sending as fast as answered, Retry-After ignored (a script).
import { randomBytes, scrypt } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import { runLoad } from "./load.mjs";

export const SIGN_IN_USERS = 1_000;
const SIGN_IN_PASSWORD = "bench-sign-in-password";
const STORM_CLIENTS = 200;
const HAMMER_CONNECTIONS = 100;
// lib/auth/password.ts's cost (OWASP's Argon2id). The server verifies whatever the stored hash
// names, so the users below and the KDF-alone runs share one hash made with it.
const ARGON2ID = { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: 2 };
// The scrypt cost sign-in used before Argon2id (OWASP's scrypt: N=2^17, r=8, p=1).
const SCRYPT = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 2 ** 17 * 8 };
const SCRYPT_DURATION_S = 5;

/** The server's cap: PASSWORD_HASH_CONCURRENCY as lib/env.ts reads it (default cores - 1). */
export function hashConcurrency() {
  const set = Number(process.env.PASSWORD_HASH_CONCURRENCY);
  return Number.isInteger(set) && set > 0 ? set : Math.max(1, os.availableParallelism() - 1);
}

/** Inserts the storm's users, `${prefix}-0@bench.test` .., all with one Argon2id hash of SIGN_IN_PASSWORD. */
export async function insertSignInUsers(client, prefix) {
  const passwordHash = await argon2Hash(SIGN_IN_PASSWORD, ARGON2ID);
  await client.query(
    `INSERT INTO "User" (id, email, "emailCanonical", "passwordHash", role)
     SELECT $1 || '-' || i, $1 || '-' || i || '@bench.test', $1 || '-' || i || '@bench.test', $3, 'USER'
     FROM generate_series(0, $2::int - 1) AS i`,
    [prefix, SIGN_IN_USERS, passwordHash],
  );
  return { prefix, passwordHash };
}

/** Runs `work` `concurrency` at a time, back to back, for `durationS`: completions per second. */
async function rate(work, concurrency, durationS) {
  const started = Date.now();
  const end = started + durationS * 1_000;
  let done = 0;
  const worker = async () => {
    while (Date.now() < end) {
      await work();
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return Math.round((done / ((Date.now() - started) / 1_000)) * 10) / 10;
}

function scryptOnce() {
  return new Promise((resolve, reject) =>
    scrypt(SIGN_IN_PASSWORD, randomBytes(16), 32, SCRYPT, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** next-auth's CSRF pair: the token for the body and the cookie it must match. */
async function csrf(url) {
  const res = await fetch(`${url}/api/auth/csrf`, { signal: AbortSignal.timeout(10_000) });
  const { csrfToken } = await res.json();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!csrfToken || !cookie) throw new Error("GET /api/auth/csrf gave no token or cookie");
  return { csrfToken, cookie };
}

/** The storm's request source: each request signs in the next user, with the right password. */
function signInRequests(url, { csrfToken, cookie }, users) {
  let i = 0;
  const headers = { cookie, "content-type": "application/x-www-form-urlencoded" };
  const bodyFor = () =>
    new URLSearchParams({
      email: `${users.prefix}-${i++ % SIGN_IN_USERS}@bench.test`,
      password: SIGN_IN_PASSWORD,
      csrfToken,
      callbackUrl: `${url}/`,
      json: "true",
    }).toString();
  return { headersFor: () => headers, bodyFor };
}

/** One refused sign-in as a client sees it (status, Retry-After, error), fetched while the storm runs. */
async function sampleRefusal(url, token, users, until) {
  const { bodyFor } = signInRequests(url, token, users);
  while (Date.now() < until) {
    const res = await fetch(`${url}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { cookie: token.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: bodyFor(),
      signal: AbortSignal.timeout(10_000),
    }).catch(() => null);
    if (!res) continue;
    const body = await res.json().catch(() => null);
    if (res.status === 503) return { status: res.status, retryAfter: res.headers.get("retry-after"), error: body?.error };
  }
  return null;
}

/**
 * The storm: `clients` people (started over the first second), each in a loop: sign in; after a
 * 503, wait Retry-After. Fetch keeps one connection per person alive.
 */
async function politeStorm(url, token, users, durationS, clients = STORM_CLIENTS) {
  const { headersFor, bodyFor } = signInRequests(url, token, users);
  const statusCounts = {};
  const latencies = [];
  const started = Date.now();
  const end = started + durationS * 1_000;
  const person = async (n) => {
    await sleep((n / clients) * 1_000);
    while (Date.now() < end) {
      const sent = performance.now();
      let status;
      let retryAfterS = 1;
      try {
        const res = await fetch(`${url}/api/auth/callback/credentials`, {
          method: "POST",
          headers: headersFor(),
          body: bodyFor(),
          signal: AbortSignal.timeout(10_000),
        });
        await res.arrayBuffer();
        status = String(res.status);
        retryAfterS = Number(res.headers.get("retry-after")) || 1;
      } catch {
        status = "error";
      }
      latencies.push(performance.now() - sent);
      statusCounts[status] = (statusCounts[status] ?? 0) + 1;
      if (status === "503" || status === "error") await sleep(Math.max(0, Math.min(retryAfterS * 1_000, end - Date.now())));
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, n) => person(n)));
  const durationSActual = (Date.now() - started) / 1_000;
  latencies.sort((a, b) => a - b);
  const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    durationS: durationSActual,
    requestsPerSec: Math.round(latencies.length / durationSActual),
    p50: at(0.5),
    p99: at(0.99),
    statusCounts,
  };
}

const successes = (result) => Object.entries(result.statusCounts).reduce((n, [s, c]) => (s.startsWith("2") ? n + c : n), 0);
const perSec = (result) => Math.round((successes(result) / result.durationS) * 10) / 10;
const claimFigures = (r) => ({ requestsPerSec: r.requestsPerSec, p50: r.p50, p99: r.p99, statusCounts: r.statusCounts });
const round2 = (n) => Math.round(n * 100) / 100;

/**
 * The whole scenario against the app: the KDF alone, the storm alone, the claims alone, then
 * claims and storm together. `claims(promotion, limit)` runs unique-user claims on a promotion
 * of its own each time (so the same users may win again), like scenario a.
 */
export async function runSignInStorm({ url, pid, users, claims, promotions, durationS, warmupS, progress }) {
  const concurrency = hashConcurrency();
  progress(`(h) the KDF alone: Argon2id verifies ${concurrency} at a time, then scrypt N=2^17 on every core`);
  const kdfPerSec = await rate(() => argon2Verify(users.passwordHash, SIGN_IN_PASSWORD), concurrency, durationS);
  const scryptConcurrency = os.availableParallelism();
  const scryptPerSec = await rate(scryptOnce, scryptConcurrency, SCRYPT_DURATION_S);

  const token = await csrf(url);
  const storm = () => politeStorm(url, token, users, durationS);
  const hammer = (limit) =>
    runLoad({
      url,
      pid,
      method: "POST",
      path: "/api/auth/callback/credentials",
      limit,
      connections: HAMMER_CONNECTIONS,
      ...signInRequests(url, token, users),
    });
  progress("(h) warming up sign-ins and claims");
  await hammer({ duration: warmupS });
  await claims(promotions.hWarm, { duration: warmupS });

  progress(`(h) the storm alone: ${STORM_CLIENTS} people honouring Retry-After`);
  const alone = await storm();
  progress("(h) claims alone");
  const claimsAlone = await claims(promotions.hAlone, { duration: durationS });
  progress("(h) claims while the storm runs");
  const [claimsDuringStorm, stormDuringClaims, refusal] = await Promise.all([
    claims(promotions.hStorm, { duration: durationS }),
    storm(),
    sampleRefusal(url, token, users, Date.now() + durationS * 1_000),
  ]);
  progress(`(h) the hammer alone: ${HAMMER_CONNECTIONS} connections ignoring Retry-After, then beside claims`);
  const hammerAlone = await hammer({ duration: durationS });
  const [claimsDuringHammer, hammerDuringClaims] = await Promise.all([
    claims(promotions.hHammer, { duration: durationS }),
    hammer({ duration: durationS }),
  ]);

  const signInsPerSec = perSec(alone);
  const answers = (r) => ({ requestsPerSec: r.requestsPerSec, p50: r.p50, p99: r.p99, statusCounts: r.statusCounts });
  return {
    scenario: "h-sign-in-storm",
    about: `sign-ins (POST /api/auth/callback/credentials, right password) by ${STORM_CLIENTS} people honouring Retry-After, against the KDF alone; claims' p99 without and with the storm; the same with ${HAMMER_CONNECTIONS} connections ignoring Retry-After`,
    hashConcurrency: concurrency,
    signInsPerSec,
    storm: answers(alone),
    kdf: { algorithm: "argon2id m=19456 t=2 p=1 (verify)", concurrency, perSec: kdfPerSec },
    ratioToKdf: round2(signInsPerSec / kdfPerSec),
    scrypt: { algorithm: "scrypt N=2^17 r=8 p=1", concurrency: scryptConcurrency, perSec: scryptPerSec },
    ratioToScrypt: round2(signInsPerSec / scryptPerSec),
    claimsAlone: claimFigures(claimsAlone),
    claimsDuringStorm: claimFigures(claimsDuringStorm),
    claimsP99Ratio: round2(claimsDuringStorm.p99 / claimsAlone.p99),
    stormDuringClaims: { signInsPerSec: perSec(stormDuringClaims), ...answers(stormDuringClaims) },
    refusalSample: refusal,
    hammer: {
      signInsPerSec: perSec(hammerAlone),
      ...answers(hammerAlone),
      cpuMsPerRequest: hammerAlone.cpuMsPerRequest,
      claimsDuringHammer: claimFigures(claimsDuringHammer),
      claimsP99Ratio: round2(claimsDuringHammer.p99 / claimsAlone.p99),
      signInsPerSecDuringClaims: perSec(hammerDuringClaims),
    },
  };
}

/** (h)'s targets, in the shape of report.mjs's. */
export function signInStormTargets(h) {
  return [
    {
      id: "h",
      goal: "sign-ins/s >= 0.9x the KDF alone (Argon2id at the server's hash cap) and >= 10x today's scrypt rate",
      met: h.ratioToKdf >= 0.9 && h.ratioToScrypt >= 10,
      details: [
        `${h.signInsPerSec} sign-ins/s; Argon2id alone ${h.kdf.perSec}/s at ${h.kdf.concurrency} at a time (ratio ${h.ratioToKdf}, target >= 0.9)`,
        `scrypt alone ${h.scrypt.perSec}/s on ${h.scrypt.concurrency} cores (ratio ${h.ratioToScrypt}, target >= 10)`,
      ],
    },
    {
      id: "h",
      goal: "claims' p99 during a sign-in storm <= 2x their p99 without one",
      met: h.claimsP99Ratio <= 2,
      details: [
        `p99 ${h.claimsAlone.p99} ms alone, ${h.claimsDuringStorm.p99} ms during the storm (ratio ${h.claimsP99Ratio}, target <= 2)`,
      ],
    },
  ];
}
