// One-off reads of the benchmark's database with the raw drivers (the sample ids, the size), so
// the script does not need a Prisma client for the provider it happens to run on.
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { providerOf, sqliteFilePath } from "../../lib/database-url.mjs";

export type QueryRow = Record<string, unknown>;

export function sqliteRows(url: string, sql: string, params: unknown[] = []): QueryRow[] {
  const db = new BetterSqlite3(sqliteFilePath(url), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as QueryRow[];
  } finally {
    db.close();
  }
}

export async function postgresRows(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<QueryRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as QueryRow[];
  } finally {
    await client.end();
  }
}

/** `?` placeholders; on PostgreSQL they become `$1`, `$2`… (none of our statements has a `?` otherwise). */
export async function queryRows(url: string, sql: string, params: unknown[] = []) {
  if (providerOf(url) === "sqlite") return sqliteRows(url, sql, params);
  let n = 0;
  return postgresRows(
    url,
    sql.replace(/\?/g, () => `$${++n}`),
    params,
  );
}
