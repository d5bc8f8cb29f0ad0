// A lease in the database: one holder at a time per job across every instance, until it expires.
// Taken and renewed only by a compare-and-set update (the row is free, expired, or already ours),
// so of two instances racing, the database lets exactly one through: PostgreSQL re-checks the
// WHERE on the row the first updater wrote, and SQLite runs one writer at a time. A missing row is
// created, and the primary key refuses the second creator.
import "server-only";
import type { Database } from "../db";
import { isUniqueViolation } from "../db-errors";

export async function acquireLease(
  db: Database,
  name: string,
  holder: string,
  ttlMs: number,
  now = new Date(),
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const { count } = await db.schedulerLease.updateMany({
    where: { name, OR: [{ holder: null }, { holder }, { expiresAt: { lt: now } }] },
    data: { holder, expiresAt },
  });
  if (count === 1) return true;
  try {
    await db.schedulerLease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Frees the lease if it is still ours (an expired one may already be someone else's). */
export async function releaseLease(db: Database, name: string, holder: string): Promise<void> {
  await db.schedulerLease.updateMany({
    where: { name, holder },
    data: { holder: null, expiresAt: new Date() },
  });
}
