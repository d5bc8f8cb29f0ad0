// The statements of body retention, per database, on the raw drivers (as the webhook stores):
// each batch is one short transaction, so a webhook waits at most one batch for SQLite's write
// lock. Rows to do are found through the (bodyPrunedAt, receivedAt) index: the pruned rows,
// which grow forever, are never read again.
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import type { Driver } from "@/lib/db-driver";

/** Which events a pass prunes: every outcome but invalid, or the invalid ones (a longer limit). */
export type BodyKind = "delivered" | "invalid";
export type PruneCount = { bodies: number; bytes: number };

const outcomeCondition = (kind: BodyKind) =>
  kind === "invalid" ? `"outcome" = 'invalid'` : `"outcome" <> 'invalid'`;

// Same text as Prisma's SQLite adapter writes, so the string comparison orders like the instants.
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

const candidates = (kind: BodyKind, param: string) =>
  `FROM "WebhookEvent" WHERE "bodyPrunedAt" IS NULL AND "receivedAt" < ${param} AND ${outcomeCondition(kind)}`;

/** How many bodies older than the cutoff are still kept, and their size in bytes. */
export async function countPrunable(
  driver: Driver,
  kind: BodyKind,
  cutoff: Date,
): Promise<PruneCount> {
  if (driver.provider === "sqlite") {
    const row = driver.sqlite
      .prepare(
        `SELECT COUNT(*) AS bodies, COALESCE(SUM(LENGTH(CAST("rawBody" AS BLOB))), 0) AS bytes ${candidates(kind, "?")}`,
      )
      .get(sqliteDate(cutoff)) as { bodies: bigint; bytes: bigint };
    return { bodies: Number(row.bodies), bytes: Number(row.bytes) };
  }
  const { rows } = await driver.pool.query<{ bodies: string; bytes: string }>(
    `SELECT COUNT(*) AS bodies, COALESCE(SUM(OCTET_LENGTH("rawBody")), 0) AS bytes ${candidates(kind, "$1")}`,
    [cutoff.toISOString()],
  );
  return { bodies: Number(rows[0]!.bodies), bytes: Number(rows[0]!.bytes) };
}

/** Drops the bodies of the oldest `limit` candidates in one transaction; what it freed. */
export async function pruneBatch(
  driver: Driver,
  kind: BodyKind,
  cutoff: Date,
  limit: number,
  now: Date,
): Promise<PruneCount> {
  return driver.provider === "sqlite"
    ? pruneBatchSqlite(driver.sqlite, kind, cutoff, limit, now)
    : pruneBatchPostgres(driver.pool, kind, cutoff, limit, now);
}

function pruneBatchSqlite(
  db: BetterSqlite3.Database,
  kind: BodyKind,
  cutoff: Date,
  limit: number,
  now: Date,
): PruneCount {
  const select = db.prepare(
    `SELECT "id", LENGTH(CAST("rawBody" AS BLOB)) AS bytes ${candidates(kind, "?")} ORDER BY "receivedAt" LIMIT ?`,
  );
  const update = db.prepare(
    `UPDATE "WebhookEvent" SET "rawBody" = NULL, "bodyPrunedAt" = ? WHERE "id" = ?`,
  );
  // IMMEDIATE: the write lock is taken up front, so the read cannot go stale before the update.
  const run = db.transaction((): PruneCount => {
    const rows = select.all(sqliteDate(cutoff), limit) as { id: string; bytes: bigint | null }[];
    for (const row of rows) update.run(sqliteDate(now), row.id);
    return { bodies: rows.length, bytes: rows.reduce((sum, r) => sum + Number(r.bytes ?? 0), 0) };
  });
  return run.immediate();
}

async function pruneBatchPostgres(
  pool: pg.Pool,
  kind: BodyKind,
  cutoff: Date,
  limit: number,
  now: Date,
): Promise<PruneCount> {
  // One statement, so one transaction; SKIP LOCKED lets two pruners share the work.
  const { rows } = await pool.query<{ bodies: string; bytes: string }>(
    `WITH batch AS (SELECT "id", OCTET_LENGTH("rawBody") AS bytes ${candidates(kind, "$1")} ` +
      `ORDER BY "receivedAt" LIMIT $2 FOR UPDATE SKIP LOCKED), ` +
      `done AS (UPDATE "WebhookEvent" AS e SET "rawBody" = NULL, "bodyPrunedAt" = $3 ` +
      `FROM batch WHERE e."id" = batch."id" RETURNING batch.bytes) ` +
      `SELECT COUNT(*) AS bodies, COALESCE(SUM(bytes), 0) AS bytes FROM done`,
    [cutoff.toISOString(), limit, now.toISOString()],
  );
  return { bodies: Number(rows[0]!.bodies), bytes: Number(rows[0]!.bytes) };
}
