import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

const SECRET_FILE = path.join(process.cwd(), ".data", "auth-secret");
let cached: string | undefined;

/**
 * The key that signs and encrypts session cookies. NEXTAUTH_SECRET when set (required when
 * several instances serve one site); otherwise one generated on first use and kept under .data/,
 * so the zero-configuration run works and its sessions survive a restart.
 */
export function authSecret(): string {
  cached ??= env.NEXTAUTH_SECRET ?? localSecret();
  return cached;
}

function localSecret(): string {
  try {
    return readFileSync(SECRET_FILE, "utf8").trim();
  } catch {
    const secret = randomBytes(32).toString("base64url");
    mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    // "wx": if another process created it first, keep theirs.
    try {
      writeFileSync(SECRET_FILE, secret, { flag: "wx", mode: 0o600 });
      log("warn", "NEXTAUTH_SECRET is not set; generated one. Set it when running several instances.", { file: SECRET_FILE });
      return secret;
    } catch {
      return readFileSync(SECRET_FILE, "utf8").trim();
    }
  }
}
