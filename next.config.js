// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const { securityHeaders } = require("./lib/http/security-headers.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const createNextIntlPlugin = require("next-intl/plugin");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const { PHASE_DEVELOPMENT_SERVER } = require("next/constants");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const { SERVER_LIB } = require("./scripts/server-lib.cjs");

// next-intl's request config (the locale from the cookie or Accept-Language; no locale in URLs).
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // PGlite (the zero-service embedded database) loads its wasm and data files from its own
  // package folder at run time, so it must not be bundled.
  // @node-rs/argon2 (password hashes) is a native module: loaded from node_modules, never bundled.
  // Next's own default list names it too; said here so the build does not depend on that list.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "@node-rs/argon2", "piscina"],
  // Security headers on every page, route handler and file Next serves (lib/http/security-headers.js).
  // HSTS follows NEXTAUTH_URL as `next build` (or `next dev`) saw it; the production server
  // (server.ts) also sets them all from its own environment at start.
  async headers() {
    const headers = Object.entries(securityHeaders()).map(([key, value]) => ({ key, value }));
    return [{ source: "/:path*", headers }];
  },
};

/**
 * One copy of lib/ per production process (docs/architecture.md, "One process, one state"):
 * `npm run build` compiles lib/ once into SERVER_LIB before `next build`; here every server-side
 * `@/lib/...` import becomes a require() of that package, kept external, which server.ts loads
 * too. Browser bundles still compile lib/ from source, and so does `next dev` (edits reload).
 * The production build runs on webpack (`next build --webpack`): Turbopack keeps a module
 * external only when the import itself names a package, so it bundled every aliased `@/lib/...`
 * import again ("Package @ can't be external"); webpack's externals take any request.
 * @type {import('next').NextConfig}
 */
const oneCopyOfLib = {
  ...nextConfig,
  webpack(config, { isServer, nextRuntime }) {
    if (!isServer || nextRuntime !== "nodejs") return config;
    /** @param {{ request?: string }} data @param {(error?: Error | null, result?: string) => void} callback */
    const libFromServerLib = ({ request }, callback) =>
      request?.startsWith("@/lib/") ? callback(null, `commonjs ${SERVER_LIB}/${request.slice("@/lib/".length)}`) : callback();
    config.externals = [libFromServerLib, ...[config.externals ?? []].flat()];
    return config;
  },
};

module.exports = (/** @type {string} */ phase) => withNextIntl(phase === PHASE_DEVELOPMENT_SERVER ? nextConfig : oneCopyOfLib);
