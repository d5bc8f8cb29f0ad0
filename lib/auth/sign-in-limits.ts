// Every sign-in limit, in one place. docs/security-signin.md explains the design.
//
// Guessing is limited in the database, per key, within a fixed window (throttle.ts). The strict
// limit is on the pair account + address, so a guesser locks out only themselves, never the
// person whose account it is. An address also has a limit across accounts (one password sprayed
// over the whole team), and an account one across every address (guessing from many machines).
// That last one is ten pairs' worth: locking somebody out takes ten addresses, not one, and by
// then the guesser has had a hundred tries in 15 minutes at passwords that cannot be a common
// one (password-policy.ts).
export const ATTEMPT_WINDOW_MS = 15 * 60_000;

export const ATTEMPT_LIMITS = {
  pair: 10,
  address: 30,
  account: 100,
} as const;

export type ThrottleKind = keyof typeof ATTEMPT_LIMITS;

// The CPU gate (hash-gate.ts), in memory, before any database work or hashing. One scrypt costs
// about 65 ms of a core here; the global rate keeps sign-in hashing to about a third of one core
// of this two-core server whatever arrives, and one address cannot take the whole of it.
// A person signing in needs one token; a burst of 10 covers a few typos in a row.
export const HASH_RATES = {
  perAddress: { perSecond: 1, burst: 10 },
  global: { perSecond: 5, burst: 10 },
} as const;

/** Better Auth's own bound, which its sign-in refuses (400) before hashing. */
export const MAX_PASSWORD_LENGTH = 256;
