// Sign-in attempts, counted in the database so every server instance and restart sees the same
// count, and counted BEFORE the password is checked: an attempt takes a place under each of its
// keys' limits first, and only an attempt that got one everywhere is evaluated. So no burst, of
// any size, evaluates more than the limit; checking a lock first and counting failures after
// (as this did) let every request of a parallel burst through.
//
// One statement counts all three keys (INSERT … ON CONFLICT DO UPDATE … RETURNING, the same SQL
// on SQLite and PostgreSQL), inside a transaction that is rolled back when any key is over its
// limit: a refused attempt counts nowhere, so hammering a locked pair does not use up the
// account's limit across addresses. Concurrent attempts on one key wait for each other's row lock
// (PostgreSQL) or the write lock (SQLite); keys are always written in one order, so two attempts
// cannot deadlock.
import type { Database } from "../db";
import { ATTEMPT_LIMITS, ATTEMPT_WINDOW_MS, type ThrottleKind } from "./sign-in-limits";

export type ThrottleKey = { kind: ThrottleKind; key: string };
export type Refused = { kind: ThrottleKind; retryAfterSeconds: number };

/** The keys of one attempt, sorted (the lock order). An unknown address is one shared address. */
export function throttleKeys(email: string, address: string | null): ThrottleKey[] {
  const account = email.trim().toLowerCase();
  const from = address ?? "unknown";
  const keys: ThrottleKey[] = [
    { kind: "account", key: `account:${account}` },
    { kind: "address", key: `address:${from}` },
    { kind: "pair", key: `pair:${account}|${from}` },
  ];
  return keys.sort((a, b) => (a.key < b.key ? -1 : 1));
}

type CountedRow = { key: string; attempts: number | bigint; windowEndsAt: number | bigint };

class OverLimit extends Error {
  constructor(readonly refused: Refused) {
    super("over the sign-in limit");
  }
}

/** Takes a place for this attempt under every key, or none and says which key refused. */
export async function countAttempt(
  db: Database,
  keys: ThrottleKey[],
  now = Date.now(),
): Promise<Refused | null> {
  const [a, b, c] = keys.map((k) => k.key) as [string, string, string];
  const windowEnd = BigInt(now + ATTEMPT_WINDOW_MS);
  const nowMs = BigInt(now);
  try {
    await db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<CountedRow[]>`
          INSERT INTO "SignInThrottle" ("key", "attempts", "windowEndsAt")
          VALUES (${a}, 1, ${windowEnd}), (${b}, 1, ${windowEnd}), (${c}, 1, ${windowEnd})
          ON CONFLICT ("key") DO UPDATE SET
            "attempts" = CASE WHEN "SignInThrottle"."windowEndsAt" <= ${nowMs} THEN 1
                              ELSE "SignInThrottle"."attempts" + 1 END,
            "windowEndsAt" = CASE WHEN "SignInThrottle"."windowEndsAt" <= ${nowMs}
                                  THEN excluded."windowEndsAt" ELSE "SignInThrottle"."windowEndsAt" END
          RETURNING "key", "attempts", "windowEndsAt"`;
        const refused = firstOverLimit(keys, rows, now);
        if (refused) throw new OverLimit(refused);
      },
      // A burst queues for the write lock: waiting is the point, not an error.
      { maxWait: 15_000, timeout: 15_000 },
    );
    return null;
  } catch (error) {
    if (error instanceof OverLimit) return error.refused;
    throw error;
  }
}

function firstOverLimit(keys: ThrottleKey[], rows: CountedRow[], now: number): Refused | null {
  for (const { kind, key } of keys) {
    const row = rows.find((r) => r.key === key);
    if (row && Number(row.attempts) > ATTEMPT_LIMITS[kind])
      return {
        kind,
        retryAfterSeconds: Math.max(1, Math.ceil((Number(row.windowEndsAt) - now) / 1000)),
      };
  }
  return null;
}

/**
 * After a right password: the pair's count is cleared (this address knows the password, its
 * typos are forgiven); the address's and the account's get this attempt back, and no more, so a
 * sprayer who holds one real account cannot wipe its count by signing into it.
 */
export async function refundAttempt(db: Database, keys: ThrottleKey[]): Promise<void> {
  const pair = keys.filter((k) => k.kind === "pair").map((k) => k.key);
  const others = keys.filter((k) => k.kind !== "pair").map((k) => k.key);
  await db.$transaction([
    db.signInThrottle.deleteMany({ where: { key: { in: pair } } }),
    db.signInThrottle.updateMany({
      where: { key: { in: others }, attempts: { gt: 0 } },
      data: { attempts: { decrement: 1 } },
    }),
  ]);
}

const PRUNE_EVERY_MS = 60_000;
const globalForPrune = globalThis as unknown as { grantdeskThrottlePrunedAt?: number };

/**
 * Deletes the rows whose window has ended (their count no longer matters), at most once a minute
 * per server instance, through the windowEndsAt index: the table stays as small as one window's
 * attempts, and no request pays for a scan.
 */
export async function pruneExpiredAttempts(db: Database, now = Date.now()): Promise<number> {
  const last = globalForPrune.grantdeskThrottlePrunedAt ?? 0;
  if (now - last < PRUNE_EVERY_MS) return 0;
  globalForPrune.grantdeskThrottlePrunedAt = now;
  const { count } = await db.signInThrottle.deleteMany({
    where: { windowEndsAt: { lte: BigInt(now) } },
  });
  return count;
}
