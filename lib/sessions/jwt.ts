import "server-only";
import type { Session, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { ACCOUNT_DISABLED_SIGNIN } from "@/lib/auth/signin-error";
import { isDomainError } from "@/lib/errors/domain-error";
import { isTransientOutage } from "@/lib/errors/transient";
import { log } from "@/lib/log";
import { disabled } from "./checks";
import { sessionChecks, stateOfRow, type AccountRow } from "./index";

// The next-auth side of revocable sessions (lib/auth/options.ts calls these): the token carries
// the account's session version from sign-in, and every read of the session (server components'
// getServerSession, the browser's /api/auth/session) asks whether the account still honours it.

/** What authorize returns for an account, so the jwt callback can stamp the token. */
export interface SignInUser extends AccountRow {
  id: string;
  email: string;
  name: string | null;
}

/** The message next-auth carries to the sign-in page as `?error=` (app/api/auth refusals map it to 403). */

/**
 * A disabled account cannot sign in. Call it in authorize only after the password was verified,
 * so the answer tells nothing to someone who does not know it.
 */
export function assertCanSignIn(user: { disabled: boolean }): void {
  // next-auth turns an error thrown by authorize into `?error=<message>`.
  if (user.disabled) throw new Error(ACCOUNT_DISABLED_SIGNIN);
}

/** authorize's answer for a verified account. */
export function signInUser(user: SignInUser): User {
  const { id, email, name, role, disabled, sessionVersion, accessRevision } = user;
  return { id, email, name, role, disabled, sessionVersion, accessRevision } as User;
}

/** A session that the account no longer honours: next-auth clears its cookie and answers no session. */
class SessionEnded extends Error {
  constructor(readonly reason: string) {
    super("SESSION_ENDED");
  }
}

/** The jwt callback: stamps the token at sign-in, checks it on every later read. */
export async function sessionJwt(token: JWT, user?: User): Promise<JWT> {
  if (user) {
    const account = user as unknown as SignInUser;
    token.role = account.role === "ADMIN" ? "ADMIN" : "USER";
    token.sv = Number.isInteger(account.sessionVersion) ? account.sessionVersion : 0;
    // The engine holds the state from now on, so a claim never has to ask PostgreSQL.
    if (typeof account.accessRevision === "number") {
      await sessionChecks()
        .store(account.id, stateOfRow(account))
        .catch((error: unknown) => log("warn", "session state not stored at sign-in", { userId: account.id, error }));
    }
    return token;
  }
  if (!token.sub) throw new SessionEnded("no subject");
  try {
    const current = await sessionChecks().current({
      id: token.sub,
      role: token.role === "ADMIN" ? "ADMIN" : "USER",
      email: typeof token.email === "string" ? token.email : null,
      sessionVersion: typeof token.sv === "number" ? token.sv : 0,
    });
    token.role = current.role;
    return token;
  } catch (error) {
    if (isDomainError(error)) throw new SessionEnded(error.code);
    // Engine and database both down: keep the session rather than sign everyone out; every
    // page and API call needing data fails anyway until they are back.
    if (isTransientOutage(error)) return token;
    throw error;
  }
}

/** The session callback: id and current role, as the jwt callback left them. */
export function sessionFromToken(session: Session, token: JWT): Session {
  if (session.user) {
    session.user.id = token.sub ?? "";
    session.user.role = token.role === "ADMIN" ? "ADMIN" : "USER";
  }
  return session;
}

/** next-auth's logger: an ended session is an expected answer, not an error worth a stack. */
export const nextAuthLogger = {
  error(code: string, metadata: unknown) {
    const error = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
    if (error instanceof SessionEnded) return log("info", "session ended", { reason: error.reason });
    log("error", "next-auth", { code, error });
  },
  warn(code: string) {
    log("warn", "next-auth", { code });
  },
  debug() {},
};

export { disabled as accountDisabled };
