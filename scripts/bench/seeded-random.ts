// Deterministic randomness for the benchmark's data. Every grant draws from its own generator,
// seeded by the dataset's seed and the grant's index, so a grant is the same whichever chunk,
// process or test builds it.

export type Random = () => number;

/** mulberry32: small, fast, and good enough to make data look varied. */
export function seededRandom(seed: number): Random {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Murmur3's finaliser over several integers: one well-mixed 32-bit seed from (seed, kind, index). */
export function hashInts(...values: number[]): number {
  let h = 0x9747b28c;
  for (const value of values) {
    h ^= value | 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;

/** One of the keys, with chances proportional to the weights. */
export function pickWeighted<K extends string>(random: Random, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let left = random() * total;
  for (const [key, weight] of entries) {
    left -= weight;
    if (left < 0) return key;
  }
  return entries.at(-1)![0];
}

export const between = (random: Random, low: number, high: number) => low + random() * (high - low);

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function randomChars(random: Random, length: number, alphabet = BASE62): string {
  let text = "";
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

/**
 * An index as 6 base-62 characters that do not look sequential. The scrambling is a bijection of
 * 32-bit integers (xor, odd multiplier, xorshift) and 62^6 > 2^32, so distinct indexes always give
 * distinct strings: ids built on it never collide, however many grants are generated.
 */
export function scrambledIndex(index: number): string {
  let x = (index ^ 0x5bd1e995) >>> 0;
  x = Math.imul(x, 0x9e3779b1) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  let text = "";
  for (let i = 0; i < 6; i++) {
    text = BASE62[x % 62] + text;
    x = Math.floor(x / 62);
  }
  return text;
}
