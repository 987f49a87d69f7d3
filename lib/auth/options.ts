import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { safeCallbackUrl } from "@/components/callback-url";
import { authorizeClientIp } from "@/lib/auth/client-address";
import { authSecret } from "@/lib/auth/secret";
import { authorizeCredentials } from "@/lib/auth/sign-in";

/** Built on first use, not at import: `next build` loads this module without a secret. */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, req) {
          return authorizeCredentials(raw, authorizeClientIp(req?.headers));
        },
      }),
    ],
    callbacks: {
      // next-auth's own redirects (after sign-in or sign-out) go only to this site.
      redirect({ url, baseUrl }) {
        return new URL(safeCallbackUrl(url, baseUrl), baseUrl).toString();
      },
      jwt({ token, user }) {
        if (user) token.role = (user as { role?: string }).role === "ADMIN" ? "ADMIN" : "USER";
        return token;
      },
      session({ session, token }) {
        if (session.user) {
          session.user.id = token.sub ?? "";
          session.user.role = z.enum(["USER", "ADMIN"]).catch("USER").parse(token.role);
        }
        return session;
      },
    },
  };
}
