import "server-only";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { authSecret } from "@/lib/auth/secret";

export type Role = "USER" | "ADMIN";
export interface SessionUser {
  id: string;
  role: Role;
  email: string | null;
}

/** Decodes the next-auth JWT cookie: no database round trip on the claim path. */
export async function getSessionUser(req: NextRequest): Promise<SessionUser | null> {
  const token = await getToken({ req, secret: authSecret() });
  if (!token?.sub) return null;
  return { id: token.sub, role: token.role === "ADMIN" ? "ADMIN" : "USER", email: token.email ?? null };
}
