// The session cookie next-auth would set after sign-in, minted directly for tests and the
// benchmark (same encoder, same secret as the server under test).
import { encode } from "next-auth/jwt";

export interface CookieUser {
  id: string;
  email: string;
  role: "USER" | "ADMIN";
  /** The account's session version at sign-in (default 0, a new account's). */
  sessionVersion?: number;
}

export async function sessionCookie(user: CookieUser, secret = process.env.NEXTAUTH_SECRET!): Promise<string> {
  const token = await encode({
    token: { sub: user.id, email: user.email, role: user.role, sv: user.sessionVersion ?? 0 },
    secret,
  });
  return `next-auth.session-token=${token}`;
}
