// Customer and subscription rows fetched from Dodo's API, written by the very upserts that store
// the webhooks' rows (lib/ingest/stores/sql.ts): one merge rule for both sources, so an API fetch
// never overwrites a newer webhook's profile and an older webhook never overwrites a newer fetch.
// The fetch time stands as the report's event time (customer-rows.ts, source "api").
import "server-only";
import type { Driver } from "@/lib/db-driver";
import { encode as encodePostgres, placeholder } from "@/lib/ingest/stores/postgres-sql";
import { upsertCustomerSql, upsertSubscriptionSql } from "@/lib/ingest/stores/sql";
import { encode as encodeSqlite } from "@/lib/ingest/stores/sqlite-store";
import type { Row } from "@/lib/ingest/stores/store-request";

type UpsertSql = (columns: string[], values: string[]) => string;

async function upsertRow(driver: Driver, sql: UpsertSql, row: Row): Promise<boolean> {
  const columns = Object.keys(row);
  if (driver.provider === "sqlite") {
    const statement = driver.sqlite.prepare(
      sql(
        columns,
        columns.map(() => "?"),
      ),
    );
    return statement.get(...columns.map((c) => encodeSqlite(c, row[c]))) !== undefined;
  }
  // Unnamed: a pooler in transaction mode may not keep prepared statements, and this runs rarely.
  const result = await driver.pool.query({
    text: sql(
      columns,
      columns.map((c, i) => placeholder(c, i + 1)),
    ),
    values: columns.map((c) => encodePostgres(c, row[c])),
  });
  return result.rows.length > 0;
}

/**
 * True when the row was created or changed (a newer profile, a wider first/last seen). A customer
 * whose personal data was erased on request (customer:forget) is never filled back in from the
 * API: only a new webhook from Dodo (a renewal, a purchase) names them again.
 */
export async function storeCustomerReport(
  driver: Driver,
  row: Row & { id: string },
): Promise<boolean> {
  return upsertRow(
    driver,
    (columns, values) => upsertCustomerSql(columns, values, { fromApi: true }),
    row,
  );
}

/** True when the subscription was created or replaced by this newer report. */
export function storeSubscriptionReport(
  driver: Driver,
  row: Row & { id: string; snapshotOrder: string },
): Promise<boolean> {
  return upsertRow(driver, upsertSubscriptionSql, row);
}
