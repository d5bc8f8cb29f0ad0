// The bulk load on PostgreSQL: multi-row INSERTs through pg, each value encoded and each
// placeholder typed by the hot path's own helpers (lib/ingest/stores/postgres-sql.ts), one
// transaction per chunk. The secondary indexes are dropped for the load and rebuilt at the end;
// then VACUUM ANALYZE, which autovacuum would have done to a table that grew over a year (the
// planner needs the statistics, index-only scans the visibility map).
import pg from "pg";
import type { Row } from "../../lib/ingest/stores/store-request";
import { quote } from "../../lib/ingest/stores/sql";
import { encode, placeholder } from "../../lib/ingest/stores/postgres-sql";
import { BULK_TABLES, byColumns, type BulkWriter } from "./bulk-writer";

/** PostgreSQL's limit on a statement's parameters (the Bind message counts them in 16 bits). */
const MAX_PARAMETERS = 65_535;
const MAX_ROWS_PER_STATEMENT = 1_000;

function insertSql(table: string, columns: string[], rows: number): string {
  let n = 0;
  const tuples = Array.from(
    { length: rows },
    () => `(${columns.map((column) => placeholder(column, ++n)).join(", ")})`,
  );
  return `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES ${tuples.join(", ")}`;
}

async function setAsideIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [BULK_TABLES],
  );
  for (const { indexname } of rows) await client.query(`DROP INDEX ${quote(indexname)}`);
  return rows.map((row) => row.indexdef);
}

export async function openPostgresBulkWriter(databaseUrl: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const indexSql = await setAsideIndexes(client);

  const insert = async (table: string, rows: readonly Row[]) => {
    for (const group of byColumns(rows)) {
      const perStatement = Math.min(
        MAX_ROWS_PER_STATEMENT,
        Math.floor(MAX_PARAMETERS / group.columns.length),
      );
      for (let start = 0; start < group.rows.length; start += perStatement) {
        const slice = group.rows.slice(start, start + perStatement);
        await client.query(
          insertSql(table, group.columns, slice.length),
          slice.flatMap((row) => group.columns.map((column) => encode(column, row[column]))),
        );
      }
    }
  };

  return {
    async write(rows) {
      await client.query("BEGIN");
      try {
        await insert("Grant", rows.grants);
        await insert("WebhookEvent", rows.events);
        await insert("Customer", rows.customers);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },
    async finish(log) {
      await client.query("SET maintenance_work_mem = '512MB'");
      for (const sql of indexSql) {
        const started = performance.now();
        await client.query(sql);
        log(
          `${sql.replace(/^CREATE INDEX /, "")} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      }
      const started = performance.now();
      await client.query(`VACUUM (ANALYZE) ${BULK_TABLES.map(quote).join(", ")}`);
      log(`VACUUM (ANALYZE) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    },
    async close() {
      await client.end();
    },
  };
}
