// Fills a migrated, empty database with the benchmark's year of grants through the bulk path,
// printing progress and rows per second as it goes.
import { rowsAfterIngesting, type BulkRows } from "./delivery-rows";
import { grantDeliveries, type DatasetSpec } from "./grant-deliveries";
import { writeInBulk } from "./write-in-bulk";

/** Grants per transaction (about 2,100 events and 6 MB of rows with them). */
const CHUNK_GRANTS = 2_000;
const PROGRESS_EVERY_MS = 5_000;

export type SeedReport = {
  grants: number;
  events: number;
  customers: number;
  deliveries: number;
  loadSeconds: number;
  totalSeconds: number;
};

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

const clock = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, "0")}`;

export async function seedBenchDatabase(
  databaseUrl: string,
  spec: DatasetSpec,
  log: (line: string) => void,
): Promise<SeedReport> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const totals = { grants: 0, events: 0, customers: 0, deliveries: 0 };
  let printed = started;
  let loadSeconds = 0;

  async function* chunks(): AsyncGenerator<BulkRows> {
    for (let from = 0; from < spec.grants; from += CHUNK_GRANTS) {
      const arriving = [];
      for (let index = from; index < Math.min(spec.grants, from + CHUNK_GRANTS); index++) {
        arriving.push(...grantDeliveries(spec, index));
        // Lets PostgreSQL's previous chunk stream out while this one is built.
        if (index % 250 === 0) await yieldToIo();
      }
      arriving.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
      const rows = rowsAfterIngesting(arriving);
      totals.grants += rows.grants.length;
      totals.events += rows.events.length;
      totals.customers += rows.customers.length;
      totals.deliveries += arriving.length;
      yield rows;
      if (performance.now() - printed >= PROGRESS_EVERY_MS) {
        printed = performance.now();
        const seconds = elapsed();
        const done = totals.grants / spec.grants;
        log(
          `seeding ${totals.grants.toLocaleString("en-US")}/${spec.grants.toLocaleString("en-US")} grants (${(done * 100).toFixed(0)} %), ${totals.events.toLocaleString("en-US")} events — ${Math.round((totals.grants + totals.events) / seconds).toLocaleString("en-US")} rows/s, ${clock(seconds)} elapsed, ~${clock(seconds / done - seconds)} to go`,
        );
      }
    }
    loadSeconds = elapsed();
    log(
      `rows written in ${clock(loadSeconds)} (${Math.round((totals.grants + totals.events) / loadSeconds).toLocaleString("en-US")} rows/s); building the indexes`,
    );
  }

  await writeInBulk(databaseUrl, chunks(), (line) => log(`  ${line}`));
  return { ...totals, loadSeconds, totalSeconds: elapsed() };
}
