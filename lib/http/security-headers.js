// @ts-check
// The security headers of every response: Next's pages, route handlers and files (next.config.js
// headers()), and the production server's own answers (server.ts: the fast lane, refused URLs).
// Plain CommonJS so next.config.js can require it; server.ts imports the same file.
//
// Script policy: 'self' plus 'unsafe-inline', the "without nonces" setup of Next's CSP guide.
// The App Router streams its page data in inline <script> tags, so a stricter policy needs a
// per-request nonce from a proxy (middleware), which makes every page dynamic (the sign-in and
// sign-up pages are static now) and runs on every page request. The pages render no HTML from
// data (React escapes everything), so inline script injection has no way in; the policy still
// refuses scripts, frames, workers and connections of other origins, plugins, <base> and
// framing, and form posts elsewhere. `npm run dev` adds 'unsafe-eval' (React's dev tools need it).

/**
 * Whether the site is served over https, from NEXTAUTH_URL; undefined when it is not set (then
 * next-auth decides from the request, e.g. on Vercel).
 * @param {string | undefined} [url]
 * @returns {boolean | undefined}
 */
function siteIsHttps(url = process.env.NEXTAUTH_URL) {
  if (!url) return undefined;
  return url.startsWith("https://");
}

/**
 * @param {{ dev?: boolean, https?: boolean }} [options]
 * @returns {Record<string, string>}
 */
function securityHeaders({ dev = process.env.NODE_ENV === "development", https = siteIsHttps() === true } = {}) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    // React and Tailwind set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The sign-up's proof-of-work widget solves in a Web Worker started from a blob: URL.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    // For browsers without frame-ancestors.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

module.exports = { securityHeaders, siteIsHttps };
