import "server-only";
import { cookies } from "next/headers";
import { authSecret } from "@/lib/auth/secret";
import { siteIsHttps } from "@/lib/http/security-headers.js";
import { csrfCookieName, csrfTokenOf } from "./csrf-cookie";

/**
 * The CSRF token the sign-in form carries for a post without JavaScript (proxy.ts has made sure
 * the cookie is there); null when there is none, and then such a post is refused with a message.
 */
export async function signInFormToken(): Promise<string | null> {
  const jar = await cookies();
  return csrfTokenOf(jar.get(csrfCookieName(siteIsHttps() === true))?.value, authSecret());
}
