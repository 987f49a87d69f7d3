import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { safeCallbackUrl } from "@/components/callback-url";
import { verifyPassword } from "@/lib/auth/password";
import { credentialsSchema } from "@/lib/auth/schemas";
import { authSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db";

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
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = await getDb().user.findUnique({ where: { email: parsed.data.email } });
          // Unknown email and wrong password give the same answer.
          if (!user || !(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
          return { id: user.id, email: user.email, name: user.name, role: user.role };
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
