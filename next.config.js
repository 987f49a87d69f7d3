// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // PGlite (the zero-service embedded database) loads its wasm and data files from its own
  // package folder at run time, so it must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket"],
};

module.exports = nextConfig;
