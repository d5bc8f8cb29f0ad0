// How much disk the benchmark's database takes, and where: the raw bodies are most of it, which
// is what retention (issue 13, item 6) is about.
import fs from "node:fs";
import { providerOf, sqliteFilePath } from "../../lib/database-url.mjs";
import { postgresRows, sqliteRows } from "./raw-query";

export type DatabaseSize = { totalBytes: number; parts: [name: string, bytes: number][] };

const fileSize = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

const SQLITE_PARTS = `
  SELECT CASE
    WHEN name IN ('Grant', 'WebhookEvent') THEN name
    WHEN name LIKE 'Grant%' OR name = 'sqlite_autoindex_Grant_1' THEN 'Grant indexes'
    WHEN name LIKE 'WebhookEvent%' OR name = 'sqlite_autoindex_WebhookEvent_1' THEN 'WebhookEvent indexes'
    ELSE 'other' END AS part,
  SUM(pgsize) AS bytes
  FROM dbstat GROUP BY part ORDER BY bytes DESC`;

const POSTGRES_PARTS = `
  SELECT relname AS name, pg_table_size(c.oid) AS "table", pg_indexes_size(c.oid) AS indexes
  FROM pg_class c
  WHERE relname IN ('Grant', 'WebhookEvent') AND relkind = 'r' AND relnamespace = current_schema()::regnamespace`;

export async function databaseSize(url: string): Promise<DatabaseSize> {
  if (providerOf(url) === "sqlite") {
    const file = sqliteFilePath(url);
    // dbstat reads every page: a few seconds on a multi-gigabyte file.
    const parts = sqliteRows(url, SQLITE_PARTS);
    return {
      totalBytes: fileSize(file) + fileSize(`${file}-wal`),
      parts: parts.map((row) => [String(row.part), Number(row.bytes)]),
    };
  }
  const [total] = await postgresRows(url, "SELECT pg_database_size(current_database()) AS bytes");
  const parts = await postgresRows(url, POSTGRES_PARTS);
  return {
    totalBytes: Number(total!.bytes),
    parts: parts.flatMap((row): [string, number][] => [
      [`${String(row.name)} (with TOAST)`, Number(row.table)],
      [`${String(row.name)} indexes`, Number(row.indexes)],
    ]),
  };
}

export const megabytes = (bytes: number) =>
  `${(bytes / 1_048_576).toLocaleString("en-US", { maximumFractionDigits: 0 })} MB`;
