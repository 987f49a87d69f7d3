import { randomInt } from "node:crypto";

// No 0/O, 1/I/L: codes get read aloud and typed at checkouts.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A random code like K7QM-3XTP-WB9D (about 59 bits); the database's unique index is the final guard. */
export function newCouponCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join("")).join("-");
}
