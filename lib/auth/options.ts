import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { authSecret } from "@/lib/auth/secret";
import { authorizeCredentials } from "@/lib/auth/sign-in";
import { requestClientAddress } from "@/lib/http/client-address";
import { siteIsHttps } from "@/lib/http/security-headers.js";
import { nextAuthLogger, sessionFromToken, sessionJwt } from "@/lib/sessions/jwt";

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
        async authorize(raw, req) {
          return authorizeCredentials(raw, requestClientAddress(req?.headers ?? {}));
        },
      }),
    ],
    // Revocable sessions (lib/sessions/jwt.ts): the token carries the session version from
    // sign-in; every read of the session checks it, and the role, against the account.
    callbacks: {
      jwt: ({ token, user }) => sessionJwt(token, user),
      session: ({ session, token }) => sessionFromToken(session, token),
      // next-auth's own redirects (after sign-in or sign-out) go only to this site.
      redirect({ url, baseUrl }) {
        return new URL(safeCallbackUrl(url, baseUrl), baseUrl).toString();
      },
    },
    logger: nextAuthLogger,
  };
}
