import { randomBytes } from "node:crypto";

// No 0/O, 1/I/L: codes get read aloud and typed at checkouts.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const LENGTH = 12;
// Bytes at or above the largest multiple of the alphabet's size are skipped, so every letter is
// equally likely (rejection sampling; 8 of 256 byte values are skipped).
const UNBIASED_BELOW = 256 - (256 % ALPHABET.length);

/**
 * A random code like K7QM-3XTP-WB9D (about 59 bits); the database's unique index is the final
 * guard. One draw of random bytes per code: twelve randomInt calls, each through Next's patched
 * node:crypto, were 3% of a cold burst's CPU (bench/RESULTS.md, the first second).
 */
export function newCouponCode(): string {
  let code = "";
  while (code.length < LENGTH) {
    for (const byte of randomBytes(LENGTH + 4)) {
      if (byte < UNBIASED_BELOW && code.length < LENGTH) code += ALPHABET[byte % ALPHABET.length];
    }
  }
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}
