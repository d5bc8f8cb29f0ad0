// The bulk load on SQLite: better-sqlite3 directly, one prepared multi-row INSERT per shape,
// values encoded by the hot path's own encoder (so dates, booleans and JSON are the same text).
// Settings for a load that can be thrown away if it fails: no rollback journal, no fsync, a large
// page cache, and the secondary indexes dropped during the load and rebuilt once at the end
// (building an index from sorted keys is far cheaper than a million random insertions into it).
import BetterSqlite3 from "better-sqlite3";
import type { Row } from "../../lib/ingest/stores/store-request";
import { quote } from "../../lib/ingest/stores/sql";
import { encode } from "../../lib/ingest/stores/sqlite-store";
import { BULK_TABLES, byColumns, type BulkWriter } from "./bulk-writer";
import type { BulkRows } from "./delivery-rows";

/** SQLite's limit on a statement's parameters (SQLITE_MAX_VARIABLE_NUMBER of better-sqlite3's build). */
const MAX_PARAMETERS = 32_766;
const MAX_ROWS_PER_STATEMENT = 500;

const LOAD_PRAGMAS = [
  "journal_mode = OFF",
  "synchronous = OFF",
  "cache_size = -1048576", // 1 GiB
  "temp_store = MEMORY",
  "locking_mode = EXCLUSIVE",
];

function setAsideIndexes(db: BetterSqlite3.Database): string[] {
  const indexes = db
    .prepare(
      `SELECT "name", "sql" FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map(() => "?").join(", ")})`,
    )
    .all(...BULK_TABLES) as { name: string; sql: string }[];
  for (const { name } of indexes) db.exec(`DROP INDEX ${quote(name)}`);
  return indexes.map((index) => index.sql);
}

export function openSqliteBulkWriter(file: string): BulkWriter {
  const db = new BetterSqlite3(file);
  for (const pragma of LOAD_PRAGMAS) db.pragma(pragma);
  const indexSql = setAsideIndexes(db);
  const statements = new Map<string, BetterSqlite3.Statement>();
  const statement = (table: string, columns: string[], rows: number) => {
    const key = `${table}|${columns.join()}|${rows}`;
    let prepared = statements.get(key);
    if (!prepared) {
      const tuple = `(${columns.map(() => "?").join(", ")})`;
      prepared = db.prepare(
        `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES ${Array(rows).fill(tuple).join(", ")}`,
      );
      statements.set(key, prepared);
    }
    return prepared;
  };

  const insert = (table: string, rows: readonly Row[]) => {
    for (const group of byColumns(rows)) {
      const perStatement = Math.min(
        MAX_ROWS_PER_STATEMENT,
        Math.floor(MAX_PARAMETERS / group.columns.length),
      );
      const values = (slice: Row[]) =>
        slice.flatMap((row) => group.columns.map((column) => encode(column, row[column])));
      let start = 0;
      for (; start + perStatement <= group.rows.length; start += perStatement)
        statement(table, group.columns, perStatement).run(
          values(group.rows.slice(start, start + perStatement)),
        );
      // The remainder one row at a time: one statement per remainder size would pile up.
      for (const row of group.rows.slice(start))
        statement(table, group.columns, 1).run(values([row]));
    }
  };
  const writeChunk = db.transaction((rows: BulkRows) => {
    insert("Grant", rows.grants);
    insert("WebhookEvent", rows.events);
    insert("Customer", rows.customers);
  });

  return {
    async write(rows) {
      writeChunk(rows);
    },
    async finish(log) {
      for (const sql of indexSql) {
        const started = performance.now();
        db.exec(sql);
        log(
          `${sql.replace(/^CREATE INDEX /, "")} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      }
      // What the app runs on (lib/db-driver.ts sets it too; the mode is stored in the file).
      db.pragma("journal_mode = WAL");
    },
    async close() {
      db.close();
    },
  };
}
