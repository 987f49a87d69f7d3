import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyPassword } from "@/lib/auth/password";
import { credentialsSchema } from "@/lib/auth/schemas";
import { authSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db";
import { siteIsHttps } from "@/lib/http/security-headers.js";
import { assertCanSignIn, nextAuthLogger, sessionFromToken, sessionJwt, signInUser } from "@/lib/users/session-jwt";

/** Built on first use, not at import: `next build` loads this module without a secret. */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    // Secure (__Secure-) session cookies whenever the site is https, also behind a proxy that
    // speaks http to this server; unset NEXTAUTH_URL: next-auth decides from the request.
    useSecureCookies: siteIsHttps(),
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = await getDb().user.findUnique({ where: { email: parsed.data.email } });
          // Unknown email and wrong password give the same answer.
          if (!user || !(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
          assertCanSignIn(user);
          return signInUser(user);
        },
      }),
    ],
    // Revocable sessions (lib/users/session-jwt.ts): the token carries the session version from
    // sign-in; every read of the session checks it, and the role, against the account.
    callbacks: {
      jwt: ({ token, user }) => sessionJwt(token, user),
      session: ({ session, token }) => sessionFromToken(session, token),
    },
    logger: nextAuthLogger,
  };
}
