// Sign-in throttling: 10 failed sign-ins for one account or from one client address within
// 15 minutes lock that account or address for 15 minutes from the 10th failure. While locked,
// even the right password is refused, so guessing gains nothing from the lock ending early.
// Counted in the database so every server instance sees the same count.
import type { Database } from "../db";

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export type Lock = { key: string; retryAfterSeconds: number };

/** The throttle keys of one attempt: the account, and the client address when known. */
export function throttleKeys(email: string, clientAddress: string | null): string[] {
  const keys = [`email:${email.trim().toLowerCase()}`];
  if (clientAddress) keys.push(`ip:${clientAddress}`);
  return keys;
}

/** The first of the keys that is locked now, with the seconds left. */
export async function findLock(
  db: Database,
  keys: string[],
  now = new Date(),
): Promise<Lock | null> {
  const rows = await db.signInThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: now } },
  });
  const latest = rows.sort((a, b) => b.lockedUntil!.getTime() - a.lockedUntil!.getTime())[0];
  if (!latest) return null;
  return {
    key: latest.key,
    retryAfterSeconds: Math.ceil((latest.lockedUntil!.getTime() - now.getTime()) / 1000),
  };
}

/** Counts one failure against each key; the 10th within the window sets the lock. */
export async function recordFailure(db: Database, keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    await db.$transaction(async (tx) => {
      const row = await tx.signInThrottle.findUnique({ where: { key } });
      const windowOpen = row && now.getTime() - row.firstFailureAt.getTime() < WINDOW_MS;
      const failures = windowOpen ? row.failures + 1 : 1;
      const firstFailureAt = windowOpen ? row.firstFailureAt : now;
      const lockedUntil =
        failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : (row?.lockedUntil ?? null);
      await tx.signInThrottle.upsert({
        where: { key },
        create: { key, failures, firstFailureAt, lockedUntil },
        update: { failures, firstFailureAt, lockedUntil },
      });
    });
  }
}

/** A successful sign-in (only possible while unlocked) forgets the account's failures, not the
 * address's: one good password from an address must not reset a spray across other accounts. */
export async function clearAccountFailures(db: Database, email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
}
