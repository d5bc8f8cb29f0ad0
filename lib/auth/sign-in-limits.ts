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

/** Better Auth's own bound, which its sign-in refuses (400) before hashing. */
export const MAX_PASSWORD_LENGTH = 256;
