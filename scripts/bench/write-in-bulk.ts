// The bulk path end to end: rows from rowsAfterIngesting, written chunk by chunk by the
// database's bulk writer, then the indexes. The page benchmark seeds with it; the equivalence test
// (tests/integration/bench-bulk-load.test.ts) checks it against the webhook route.
import { providerOf, sqliteFilePath } from "../../lib/database-url.mjs";
import type { BulkWriter } from "./bulk-writer";
import { openPostgresBulkWriter } from "./bulk-writer-postgres";
import { openSqliteBulkWriter } from "./bulk-writer-sqlite";
import type { BulkRows } from "./delivery-rows";

export async function openBulkWriter(databaseUrl: string): Promise<BulkWriter> {
  return providerOf(databaseUrl) === "sqlite"
    ? openSqliteBulkWriter(sqliteFilePath(databaseUrl))
    : openPostgresBulkWriter(databaseUrl);
}

/** Every chunk through one writer, then its indexes: the whole bulk path. */
export async function writeInBulk(
  databaseUrl: string,
  chunks: Iterable<BulkRows> | AsyncIterable<BulkRows>,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const writer = await openBulkWriter(databaseUrl);
  try {
    // One chunk ahead: the next is built while PostgreSQL writes this one (SQLite writes at once).
    let writing: Promise<void> = Promise.resolve();
    for await (const rows of chunks) {
      await writing;
      writing = writer.write(rows);
      // Awaited on the next turn or after the loop; until then its failure must not count as unhandled.
      writing.catch(() => undefined);
    }
    await writing;
    await writer.finish(log);
  } finally {
    await writer.close();
  }
}
