// The package that holds lib/ compiled once for the production server (esbuild.config.mjs
// writes it before `next build`; next.config.js keeps it external). It lives in node_modules
// so that Next's externals and server.ts resolve it like any package; `npm run build` rewrites it.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- read by next.config.js, which is CommonJS
const path = require("node:path");

const SERVER_LIB = "@coupon-drop/server-lib";
const SERVER_LIB_DIR = path.join(__dirname, "..", "node_modules", ...SERVER_LIB.split("/"));

module.exports = { SERVER_LIB, SERVER_LIB_DIR };
