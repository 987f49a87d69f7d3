// The password hashes themselves, run in lib/auth/hash-threads.ts's worker threads. Synchronous
// on purpose: the thread that runs them is the one whose priority was lowered, while the async
// variants would hand the work to libuv's pool at normal priority. Plain CommonJS, loaded by path.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file run as is by the worker threads */
const { scryptSync } = require("node:crypto");
const { hashSync, verifySync } = require("@node-rs/argon2");

module.exports = {
  argon2Hash: ({ password, options }) => hashSync(password, options),
  // A malformed stored hash makes the library throw: it matches no password.
  argon2Verify({ stored, password }) {
    try {
      return verifySync(stored, password);
    } catch {
      return false;
    }
  },
  scryptKey: ({ password, salt, keyLength, options }) => scryptSync(password, salt, keyLength, options),
};
