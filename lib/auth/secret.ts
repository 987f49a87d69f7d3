import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { processState } from "@/lib/process-state";
import { LOCAL_SECRET_FILE, readOrCreateLocalSecret } from "./local-secret";

/**
 * The key that signs and encrypts session cookies. NEXTAUTH_SECRET (at least 32 characters;
 * lib/env.ts requires it whenever DATABASE_URL is set, and the zero-service run sets it from its
 * generated file before that check); otherwise one generated on first use and kept under .data/.
 */
export function authSecret(): string {
  return processState("auth/secret", () => env.NEXTAUTH_SECRET ?? localSecret());
}

function localSecret(): string {
  const { secret, generated } = readOrCreateLocalSecret(LOCAL_SECRET_FILE);
  if (generated) {
    log("warn", "NEXTAUTH_SECRET is not set; generated one. Set it when running several instances.", { file: LOCAL_SECRET_FILE });
  }
  return secret;
}
