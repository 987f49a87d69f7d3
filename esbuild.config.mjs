// The production build's two esbuild steps (`npm run build`), around `next build`:
//
//   node esbuild.config.mjs lib     before `next build`: compiles every file of lib/ once, one
//                                   CommonJS file per module, into the package SERVER_LIB.
//   node esbuild.config.mjs server  after it: bundles server.ts (the production server) into
//                                   .next/production-server.cjs.
//
// Why (docs/architecture.md, "One process, one state"): Next compiles a module once per server
// layer (instrumentation, route handlers, pages), and a bundled server.ts would be one more
// copy. In a production build next.config.js sends every server-side `@/lib/...` import to
// SERVER_LIB, which it keeps external, and this bundle does the same, so Next's layers and the
// fast lane all `require()` the same files and Node's module cache holds one copy of each.
// Browser bundles and `next dev` keep compiling lib/ from source.
import { readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import serverLib from "./scripts/server-lib.cjs";

const { SERVER_LIB, SERVER_LIB_DIR } = serverLib;
const root = import.meta.dirname;
const libDir = path.join(root, "lib");

// The generated Prisma client finds its folder through import.meta.url, which CommonJS lacks.
const importMetaUrl = {
  define: { "import.meta.url": "__bundle_url" },
  banner: { js: 'const __bundle_url = require("node:url").pathToFileURL(__filename).href;' },
};

/** The file a lib/ import names: `claims/claim` is lib/claims/claim.ts, `engine` lib/engine/index.ts. */
function libModule(absolute) {
  const candidates = [absolute, `${absolute}.ts`, `${absolute}.tsx`, path.join(absolute, "index.ts")];
  return candidates.find((file) => statSync(file, { throwIfNoEntry: false })?.isFile()) ?? null;
}

/** `lib/claims/claim.ts` as the compiled module's name inside SERVER_LIB: `claims/claim.js`. */
function compiledName(file) {
  return path
    .relative(libDir, file)
    .replace(/\.tsx?$/, ".js")
    .split(path.sep)
    .join("/");
}

// Each file of lib/ is its own module: an import of another lib/ file stays a require() of that
// file's compiled twin (never a second copy inlined); packages stay external; `server-only`
// (a marker only Next's bundler resolves) is lib/server-only-stub.ts, inlined; the few files outside lib/ that lib/ reads
// (messages/*.json, package.json, prisma/migrate.ts) are inlined into the one module that reads them.
const oneFilePerModule = {
  name: "one-file-per-module",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^server-only$/ }, () => ({ path: path.join(libDir, "server-only-stub.ts") }));
    pluginBuild.onResolve({ filter: /^(@\/lib(\/|$)|\.\.?\/)/ }, (args) => {
      if (args.kind === "entry-point") return undefined;
      const absolute = args.path.startsWith("@/")
        ? path.join(root, args.path.slice(2))
        : path.resolve(args.resolveDir, args.path);
      if (!absolute.startsWith(libDir + path.sep)) return undefined;
      const file = libModule(absolute);
      if (!file) return { errors: [{ text: `no lib/ module at ${args.path}` }] };
      const from = path.dirname(compiledName(args.importer));
      const relative = path.posix.relative(from, compiledName(file));
      return { path: relative.startsWith(".") ? relative : `./${relative}`, external: true };
    });
  },
};

async function compileLib() {
  const entryPoints = readdirSync(libDir, { recursive: true })
    .map((name) => path.join(libDir, name))
    .filter((file) => /\.(tsx?|js)$/.test(file) && !file.endsWith(".d.ts"));
  rmSync(SERVER_LIB_DIR, { recursive: true, force: true });
  await build({
    entryPoints,
    outdir: SERVER_LIB_DIR,
    outbase: libDir,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    plugins: [oneFilePerModule],
    ...importMetaUrl,
    sourcemap: true,
    logLevel: "warning",
  });
  // No "exports" map: `@coupon-drop/server-lib/claims/claim` resolves to claims/claim.js as Node's
  // require() always does, and `.../http/security-headers.js` to itself.
  const pkg = { name: SERVER_LIB, private: true, description: "lib/ compiled once by esbuild.config.mjs" };
  writeFileSync(path.join(SERVER_LIB_DIR, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
}

// server.ts and fast-lanes.ts are bundled; every lib/ import they make is a require() of SERVER_LIB.
const libFromServerLib = {
  name: "lib-from-server-lib",
  setup(pluginBuild) {
    // The file's full name: server.ts's dynamic import() stays an ES import, which needs it.
    pluginBuild.onResolve({ filter: /^@\/lib\// }, (args) => ({
      path: `${SERVER_LIB}/${compiledName(libModule(path.join(root, args.path.slice(2))))}`,
      external: true,
    }));
  },
};

async function bundleServer() {
  await build({
    entryPoints: ["server.ts"],
    outfile: ".next/production-server.cjs",
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    plugins: [libFromServerLib],
    ...importMetaUrl,
    // For stack traces and CPU profiles that name the app's own files.
    sourcemap: true,
    logLevel: "warning",
  });
}

const steps = { lib: compileLib, server: bundleServer };
const step = steps[process.argv[2]];
if (!step) throw new Error(`usage: node esbuild.config.mjs ${Object.keys(steps).join("|")}`);
await step();
