// The security headers' definition (e2e/sessions.spec.ts checks them on real answers), and the
// session cookie's Secure flag following the site's scheme.
import { afterEach, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { securityHeaders, siteIsHttps } from "@/lib/http/security-headers.js";

const original = process.env.NEXTAUTH_URL;
afterEach(() => {
  process.env.NEXTAUTH_URL = original;
});

describe("security headers", () => {
  it("forbid other origins, plugins, <base> and framing, and allow the proof-of-work worker", () => {
    const csp = securityHeaders({ dev: false, https: false })["Content-Security-Policy"].split("; ");
    expect(csp).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "worker-src 'self' blob:",
        "form-action 'self'",
      ]),
    );
    expect(csp.join("; ")).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("add HSTS and upgrade-insecure-requests on https only, 'unsafe-eval' only for npm run dev", () => {
    const https = securityHeaders({ dev: false, https: true });
    expect(https["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(securityHeaders({ dev: false, https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ dev: true, https: false })["Content-Security-Policy"]).toContain(
      "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    );
    for (const headers of [https, securityHeaders({ dev: false, https: false })]) {
      expect(headers).toMatchObject({
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "X-Frame-Options": "DENY",
      });
      expect(headers["Permissions-Policy"]).toContain("camera=()");
    }
  });

  it("follow NEXTAUTH_URL's scheme, as does the session cookie's Secure flag", () => {
    process.env.NEXTAUTH_URL = "https://coupons.example";
    expect(siteIsHttps()).toBe(true);
    expect(securityHeaders({ dev: false })["Strict-Transport-Security"]).toBeDefined();
    expect(authOptions().useSecureCookies).toBe(true);
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    expect(siteIsHttps()).toBe(false);
    expect(authOptions().useSecureCookies).toBe(false);
    delete process.env.NEXTAUTH_URL;
    expect(authOptions().useSecureCookies).toBeUndefined(); // next-auth decides from the request
  });
});
