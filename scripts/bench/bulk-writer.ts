// Writes the rows of the bulk load, one transaction per chunk, on either database. Rows with the
// same columns go in together: a column a row leaves out gets the table's default, exactly as in
// the statement ingestion would have sent for it.
import type { Row } from "../../lib/ingest/stores/store-request";
import type { BulkRows } from "./delivery-rows";

export type BulkWriter = {
  /** The chunk's grant, event and customer rows, in one transaction. */
  write(rows: BulkRows): Promise<void>;
  /** Builds the indexes set aside for the load and leaves the database as the app expects it. */
  finish(log: (line: string) => void): Promise<void>;
  close(): Promise<void>;
};

export const BULK_TABLES = ["Grant", "WebhookEvent", "Customer"] as const;

/** Rows grouped by their column list, in first-seen order. */
export function byColumns(rows: readonly Row[]): { columns: string[]; rows: Row[] }[] {
  const groups = new Map<string, { columns: string[]; rows: Row[] }>();
  for (const row of rows) {
    const columns = Object.keys(row);
    const key = columns.join("\u0000");
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { columns, rows: [] }));
    group.rows.push(row);
  }
  return [...groups.values()];
}
