// Stands in for the `server-only` marker package where code runs outside Next's bundler: in
// tests (vitest alias) and in lib/ compiled once for the production server (esbuild.config.mjs).
// Both run server code only, so the marker has nothing to guard there.
export {};
