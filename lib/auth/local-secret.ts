// The zero-service run's session secret, generated once into .data/. No env import and no
// "server-only": lib/process-start.ts reads it before the environment is parsed.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const MIN_SECRET_LENGTH = 32;

const read = (file: string) => {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return "";
  }
};

/**
 * The secret kept in `file`, created when missing. A file that is empty or shorter than
 * MIN_SECRET_LENGTH (truncated, or written by hand) is replaced by a new secret: a short key
 * would sign every session cookie. Returns whether it was generated now, for the log.
 */
export function readOrCreateLocalSecret(file: string): { secret: string; generated: boolean } {
  const existing = read(file);
  if (existing.length >= MIN_SECRET_LENGTH) return { secret: existing, generated: false };
  mkdirSync(path.dirname(file), { recursive: true });
  rmSync(file, { force: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    // "wx": if another process created it first, keep theirs.
    writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
    return { secret, generated: true };
  } catch {
    return { secret: read(file), generated: false };
  }
}

export const LOCAL_SECRET_FILE = path.join(process.cwd(), ".data", "auth-secret");
