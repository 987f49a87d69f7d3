// Bundles server.ts (the production server) into .next/production-server.cjs; `npm run build`
// runs it after `next build`. Packages stay external (resolved from node_modules at run time);
// the app's own code (lib/, app/api route handlers) is bundled.
import { build } from "esbuild";

await build({
  entryPoints: ["server.ts"],
  outfile: ".next/production-server.cjs",
  bundle: true,
  platform: "node",
  format: "cjs",
  packages: "external",
  alias: {
    // Next resolves this marker to an empty module for server code; so does this bundle.
    "server-only": "./lib/server-only-stub.ts",
  },
  // The generated Prisma client finds its folder through import.meta.url, which CommonJS lacks.
  define: { "import.meta.url": "__bundle_url" },
  banner: { js: 'const __bundle_url = require("node:url").pathToFileURL(__filename).href;' },
  // For stack traces and CPU profiles that name the app's own files.
  sourcemap: true,
  logLevel: "warning",
});
