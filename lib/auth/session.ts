import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt, type JWTPayload } from "jose";
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { authSecret } from "@/lib/auth/secret";

export type Role = "USER" | "ADMIN";
export interface SessionUser {
  id: string;
  role: Role;
  email: string | null;
}

// next-auth v4 encrypts its session JWT with a key derived by HKDF from the secret, and derives
// it again on every decode: about 8% of a claim's CPU (bench/RESULTS.md). Same key, derived once.
let derived: { secret: string; key: Uint8Array } | undefined;
function encryptionKey(secret: string): Uint8Array {
  if (derived?.secret !== secret) {
    derived = { secret, key: new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32)) };
  }
  return derived.key;
}

async function decode({ token, secret }: { token?: string; secret: string | Buffer }): Promise<JWTPayload | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(String(secret)), { clockTolerance: 15 });
  return payload;
}

/** Decodes the next-auth JWT cookie: no database round trip on the claim path. */
export async function getSessionUser(req: NextRequest): Promise<SessionUser | null> {
  const token = await getToken({ req, secret: authSecret(), decode });
  if (!token?.sub) return null;
  return { id: token.sub, role: token.role === "ADMIN" ? "ADMIN" : "USER", email: token.email ?? null };
}
