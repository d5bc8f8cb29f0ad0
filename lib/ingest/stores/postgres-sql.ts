// What every PostgreSQL statement of the hot path shares: how a value is encoded as a parameter,
// how a placeholder is typed, and how a statement is named (or not, behind a pooler). Used by the
// one-delivery statement (postgres-store.ts) and the multi-row batch (postgres-batch.ts), so the
// two write byte-for-byte the same values.
import { createHash } from "node:crypto";
import type pg from "pg";
import { JSON_COLUMNS } from "./sql";

export function encode(column: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  // timestamp(3) without time zone holds UTC, as Prisma writes it; the designator is ignored.
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (JSON_COLUMNS.has(column)) return JSON.stringify(value);
  return value;
}

/** `$n`, typed by the column it is inserted into — except jsonb, whose text needs the cast. */
export const placeholder = (column: string, n: number) =>
  JSON_COLUMNS.has(column) ? `$${n}::jsonb` : `$${n}`;

// Named (prepared) statements: PostgreSQL parses and plans each text once per connection instead
// of on every delivery — the grant upsert names every column and maintains 15 indexes, and
// planning it was a large part of a delivery's time (docs/performance.md). The name is a hash of the text, so a module
// reloaded over the same pool (dev mode, tests) can never give one name to two texts.
export type Statement = { name: string; text: string };
export const named = (text: string): Statement => ({
  name: `grantdesk_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`,
  text,
});

/**
 * A transaction-mode pooler (PgBouncer before 1.21, some hosted poolers) hands each statement to
 * any server connection, where a prepared name may not exist, or exist already. Such URLs say so
 * with Prisma's `pgbouncer=true`; port 6543 is Supabase's transaction pooler, so it counts too.
 * A pool found behind a pooler at runtime (unnamedAfterClash) joins them. There we send the same
 * text unnamed. Decided once per pool (the URL is read at its first statement), not per statement.
 */
const unnamedByPool = new WeakMap<pg.Pool, boolean>();

function urlSaysPooler(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.searchParams.get("pgbouncer") === "true" || parsed.port === "6543";
  } catch {
    return false;
  }
}

export function sendsUnnamed(pool: pg.Pool): boolean {
  let unnamed = unnamedByPool.get(pool);
  if (unnamed === undefined) {
    unnamed = urlSaysPooler(pool.options.connectionString ?? "");
    unnamedByPool.set(pool, unnamed);
  }
  return unnamed;
}

export function forPool(pool: pg.Pool, statement: pg.QueryConfig): pg.QueryConfig {
  return sendsUnnamed(pool) ? { text: statement.text, values: statement.values } : statement;
}

let operatorTold = false;

/** PostgreSQL's answer when a pooler mixed up our named statements: 42P05 or 26000 on ours. */
export function isPreparedStatementClash(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    (code === "42P05" || code === "26000") &&
    typeof message === "string" &&
    message.includes('prepared statement "grantdesk_')
  );
}

/**
 * Runs work; when it fails because a transaction pooler mixed up named statements, the pool sends
 * unnamed ones from then on and work runs once more (the failed statement wrote nothing). The
 * operator is told once per process how to avoid the failed first attempt.
 */
export async function unnamedAfterClash<T>(pool: pg.Pool, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    // Deliveries in flight when the pooler first mixes names up all land here: each retries.
    if (!isPreparedStatementClash(error)) throw error;
    unnamedByPool.set(pool, true);
    if (!operatorTold) {
      operatorTold = true;
      console.warn(
        "webhook: DATABASE_URL goes through a transaction-mode pooler (PgBouncer) that does not keep prepared statements; sending them unnamed from now on. Add pgbouncer=true to DATABASE_URL (e.g. …?sslmode=require&pgbouncer=true) so no delivery meets this.",
      );
    }
    return work();
  }
}
