import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: "USER" | "ADMIN"; email?: string | null; name?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: "USER" | "ADMIN";
    /** The account's sessionVersion at sign-in: "sign out everywhere" raises it (lib/sessions/checks.ts). */
    sv?: number;
  }
}
