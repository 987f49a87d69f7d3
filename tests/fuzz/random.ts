// A small seeded PRNG (mulberry32) and the choices a fuzzer makes with it: the same seed gives
// the same requests, so a failure found once can be replayed with FUZZ_SEED.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  string(length: number, alphabet?: string): string;
  bytes(length: number): Buffer;
}

const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)],
    chance: (probability) => next() < probability,
    string: (length, alphabet = ALPHANUMERIC) => Array.from({ length }, () => alphabet[int(0, alphabet.length - 1)]).join(""),
    bytes: (length) => Buffer.from(Array.from({ length }, () => int(0, 255))),
  };
}
