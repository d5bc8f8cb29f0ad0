// What every PostgreSQL statement of the hot path shares: how a value is encoded as a parameter,
// how a placeholder is typed, and how a statement is named (or not, behind a pooler). Used by the
// one-delivery statement (postgres-store.ts) and the multi-row batch (postgres-batch.ts), so the
// two write byte-for-byte the same values.
import { createHash } from "node:crypto";
import type pg from "pg";
import { JSON_COLUMNS } from "./delivery-store";

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
// planning it was about a third of a delivery's time. The name is a hash of the text, so a module
// reloaded over the same pool (dev mode, tests) can never give one name to two texts.
export type Statement = { name: string; text: string };
export const named = (text: string): Statement => ({
  name: `grantdesk_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`,
  text,
});

/**
 * A transaction-mode pooler (PgBouncer before 1.21, some hosted poolers) hands each statement to
 * any server connection, where a prepared name may not exist. Such URLs say so with Prisma's
 * `pgbouncer=true`; there we send the same text unnamed.
 */
export function forPool(pool: pg.Pool, statement: pg.QueryConfig): pg.QueryConfig {
  const behindPooler = /[?&]pgbouncer=true(&|$)/.test(pool.options.connectionString ?? "");
  return behindPooler ? { text: statement.text, values: statement.values } : statement;
}
