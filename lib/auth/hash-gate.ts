// The CPU gate in front of sign-in: token buckets, one per address and one for the server, that
// every attempt must pass before any database work or hashing. Each scrypt costs tens of
// milliseconds of a core; without this, a few dozen attempts a second (from addresses the
// lockout has never seen, for accounts that do not exist) take the CPU every page needs.
//
// In memory, per server instance, on purpose: what it protects is this instance's own CPU, so
// its count is this instance's; it must cost far less than the hash it saves (a database round
// trip per refused request would only move the flood to the database); and forgetting it on a
// restart gives a guesser nothing, because the limits on guessing are the database's
// (throttle.ts), shared by every instance and kept across restarts.
import { HASH_RATES } from "./sign-in-limits";

export type Rate = { perSecond: number; burst: number };
type Bucket = { tokens: number; at: number };

/** Beyond this many addresses the least recently seen are forgotten (they come back full). */
const MAX_ADDRESSES = 10_000;

function refill(bucket: Bucket | undefined, rate: Rate, now: number): Bucket {
  if (!bucket) return { tokens: rate.burst, at: now };
  const tokens = Math.min(rate.burst, bucket.tokens + ((now - bucket.at) / 1000) * rate.perSecond);
  return { tokens, at: now };
}

const secondsUntilToken = (bucket: Bucket, rate: Rate) =>
  Math.max(1, Math.ceil((1 - bucket.tokens) / rate.perSecond));

export type HashGate = {
  /** Takes a token from the address's bucket and the global one: 0, or the seconds to wait. */
  admit: (address: string, now?: number) => number;
};

export function createHashGate(rates: { perAddress: Rate; global: Rate }): HashGate {
  const addresses = new Map<string, Bucket>();
  let global: Bucket | undefined;
  return {
    admit(address, now = performance.now()) {
      const mine = refill(addresses.get(address), rates.perAddress, now);
      global = refill(global, rates.global, now);
      // Map order is insertion order: re-inserting keeps the least recently seen first.
      addresses.delete(address);
      addresses.set(address, mine);
      if (addresses.size > MAX_ADDRESSES) addresses.delete(addresses.keys().next().value!);
      const wait = Math.max(
        mine.tokens < 1 ? secondsUntilToken(mine, rates.perAddress) : 0,
        global.tokens < 1 ? secondsUntilToken(global, rates.global) : 0,
      );
      if (wait > 0) return wait;
      mine.tokens -= 1;
      global.tokens -= 1;
      return 0;
    },
  };
}

const globalForGate = globalThis as unknown as { grantdeskHashGate?: HashGate };

/** This server's gate. */
export function hashGate(): HashGate {
  globalForGate.grantdeskHashGate ??= createHashGate(HASH_RATES);
  return globalForGate.grantdeskHashGate;
}

/** Tests widen or narrow the gate to reach what stands behind it. */
export function replaceHashGate(gate: HashGate): void {
  globalForGate.grantdeskHashGate = gate;
}
