import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { authSecret } from "@/lib/auth/secret";
import { boundedCache } from "@/lib/cache/lru";
import { processState } from "@/lib/process-state";

export type Role = "USER" | "ADMIN";
export interface SessionUser {
  id: string;
  role: Role;
  email: string | null;
  /** The account's session version at sign-in (absent in tokens from before revocable sessions: 0). */
  sessionVersion: number;
}

// next-auth v4's session cookie: the secure name on https sites; tokens over 4 KB are split into
// name.0, name.1, ... (ours are far smaller, but a browser may hold either form).
const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

// next-auth v4 encrypts its session JWT with a key derived by HKDF from the secret, and derives
// it again on every decode: about 8% of a claim's CPU (bench/RESULTS.md). Same key, derived once.
const derivedKeys = () => processState("auth/session:keys", () => new Map<string, Uint8Array>());
function encryptionKey(secret: string): Uint8Array {
  const keys = derivedKeys();
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    keys.set(secret, key);
  }
  return key;
}

/** The session token in a Cookie header, or undefined. */
export function sessionToken(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const cookies = new Map<string, string>();
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  for (const name of COOKIE_NAMES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    let chunks = "";
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks += cookies.get(`${name}.${i}`);
    if (chunks) return chunks;
  }
  return undefined;
}

/**
 * Decodes the next-auth JWT session cookie: no database round trip on the claim path. Any
 * cookie that does not decrypt (forged, expired, another secret) is no session. Whether the
 * account still honours it (revoked, disabled, role changed) is lib/sessions/checks.ts's
 * question, asked on every request, also for a token remembered here.
 */
export async function sessionUser(cookieHeader: string | null | undefined): Promise<SessionUser | null> {
  const token = sessionToken(cookieHeader);
  if (!token) return null;
  const known = decoded.get(token);
  if (known) return known;
  try {
    const { payload } = await jwtDecrypt(token, encryptionKey(authSecret()), {
      clockTolerance: 15,
      // next-auth v4's own format, and nothing else.
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
    });
    if (typeof payload.sub !== "string" || !payload.sub) return null;
    const user: SessionUser = {
      id: payload.sub,
      role: payload.role === "ADMIN" ? "ADMIN" : "USER",
      email: typeof payload.email === "string" ? payload.email : null,
      sessionVersion: typeof payload.sv === "number" && Number.isInteger(payload.sv) ? payload.sv : 0,
    };
    const ttl = Math.min(DECODED_TTL_MS, (payload.exp ?? Infinity) * 1000 - Date.now());
    if (ttl > 0) decoded.set(token, user, { ttl });
    return user;
  } catch {
    return null;
  }
}

// In a drop the same people press again and again: a token decoded once is remembered for a
// minute (never past its own expiry), bounded, oldest first out. Decryption was about an
// eighth of a claim's CPU (bench/RESULTS.md). 50,000 tokens hold a crowd of that size in about
// 30 MB.
const DECODED_TTL_MS = 60_000;
const decoded = processState("auth/session:decoded", () =>
  boundedCache<string, SessionUser>({ max: 50_000, ttlMs: DECODED_TTL_MS }),
);
