// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const { securityHeaders } = require("./lib/http/security-headers.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const createNextIntlPlugin = require("next-intl/plugin");

// next-intl's request config (the locale from the cookie or Accept-Language; no locale in URLs).
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // PGlite (the zero-service embedded database) loads its wasm and data files from its own
  // package folder at run time, so it must not be bundled.
  // @node-rs/argon2 (password hashes) is a native module: loaded from node_modules, never bundled.
  // Next's own default list names it too; said here so the build does not depend on that list.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "@node-rs/argon2"],
  // Security headers on every page, route handler and file Next serves (lib/http/security-headers.js).
  // HSTS follows NEXTAUTH_URL as `next build` (or `next dev`) saw it; the production server
  // (server.ts) also sets them all from its own environment at start.
  async headers() {
    const headers = Object.entries(securityHeaders()).map(([key, value]) => ({ key, value }));
    return [{ source: "/:path*", headers }];
  },
};

module.exports = withNextIntl(nextConfig);
