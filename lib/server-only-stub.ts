// Stands in for the `server-only` marker package where code runs outside Next's bundler, in tests
// (vitest alias): they run server code only, so the marker has nothing to guard there. (The
// production build's compiled lib/ drops the marker the same way: esbuild.config.mjs.)
export {};
