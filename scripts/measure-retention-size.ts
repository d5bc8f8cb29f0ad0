// npm run measure:retention [-- --db sqlite|postgresql] [--grants N]: how big the database is per
// million grants with and without raw-body retention. Fills a throwaway database with N grants,
// two deliveries each (created, then delivered), bodies shaped like lib/webhooks/examples.ts,
// received over the last 365 days with linear growth, written by the real store
// (storeDelivery: the rows ingestion writes). Then measures after VACUUM, prunes with the
// default 90 days, and measures again. Results: docs/performance.md, "Retention".
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDriver, openDriver, type Driver } from "../lib/db-driver";
import { parseDelivery } from "../lib/ingest/parse";
import { WEBHOOK_EXAMPLES, type WebhookExampleName } from "../lib/webhooks/examples";
import { storeDelivery } from "../lib/ingest/store";
import { pruneBatch } from "../lib/webhooks/retention/prune-sql";
import { startThrowawayPostgres } from "./prisma/throwaway-postgres.mjs";

const DAY_MS = 86_400_000;
const NAMES = Object.keys(WEBHOOK_EXAMPLES) as WebhookExampleName[];

function deliveriesOf(i: number, now: number) {
  const final = WEBHOOK_EXAMPLES[NAMES[i % NAMES.length]!]();
  // Linear growth: the density of created times rises toward now.
  const at = new Date(now - 365 * DAY_MS * (1 - Math.sqrt(Math.random())));
  const later = new Date(at.getTime() + 60_000);
  const id = `grant_${i.toString(36).padStart(8, "0")}`;
  const data = {
    ...final.data,
    id,
    customer_id: `cus_${(i % 250_000).toString(36).padStart(10, "0")}`,
    payment_id: `pay_${i.toString(36).padStart(12, "0")}`,
    created_at: at.toISOString(),
  };
  const created = {
    ...final,
    type: "entitlement_grant.created",
    timestamp: at.toISOString(),
    data: { ...data, status: "Pending", delivered_at: null, updated_at: at.toISOString() },
  };
  const delivered = {
    ...final,
    timestamp: later.toISOString(),
    data: { ...data, updated_at: later.toISOString() },
  };
  return [
    { webhookId: `msg_${id}_1`, body: JSON.stringify(created), receivedAt: at },
    { webhookId: `msg_${id}_2`, body: JSON.stringify(delivered), receivedAt: later },
  ];
}

async function fill(driver: Driver, grants: number) {
  const now = Date.now();
  for (let start = 0; start < grants; start += 500) {
    const batch = [];
    for (let i = start; i < Math.min(grants, start + 500); i++) batch.push(...deliveriesOf(i, now));
    await Promise.all(
      batch.map((d) =>
        storeDelivery(driver, { ...d, parsed: parseDelivery(d.body), source: "webhook" }),
      ),
    );
  }
}

async function sizeAfterVacuum(driver: Driver, file: string | null): Promise<number> {
  if (driver.provider === "sqlite") {
    driver.sqlite.exec("VACUUM");
    driver.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    return fs.statSync(file!).size;
  }
  // FULL so both sides are compacted alike; the server reuses space without it (autovacuum).
  await driver.pool.query("VACUUM FULL");
  const { rows } = await driver.pool.query<{ size: string }>(
    `SELECT pg_total_relation_size('"WebhookEvent"') + pg_total_relation_size('"Grant"') AS size`,
  );
  return Number(rows[0]!.size);
}

async function pruneAll(driver: Driver) {
  const cutoff = new Date(Date.now() - 90 * DAY_MS);
  let total = 0;
  for (;;) {
    const freed = await pruneBatch(driver, "delivered", cutoff, 5_000, new Date());
    total += freed.bodies;
    if (freed.bodies < 5_000) return total;
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: "string", default: "sqlite" },
      grants: { type: "string", default: "20000" },
    },
  });
  const grants = Number(values.grants);
  const server = values.db === "postgresql" ? await startThrowawayPostgres() : null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "grantdesk-retention-"));
  const file = server ? null : path.join(dir, "size.db");
  const url = server ? await server.createDatabase("retention_size") : `file:${file}`;
  try {
    execFileSync("npm", ["run", "--silent", "db:migrate"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: "pipe",
    });
    const driver = openDriver(url, { pgPoolSize: 8 });
    const started = Date.now();
    await fill(driver, grants);
    console.log(
      `filled ${grants} grants, ${grants * 2} deliveries in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    const perMillion = (bytes: number) =>
      `${((bytes * (1_000_000 / grants)) / 1024 ** 3).toFixed(2)} GB per million grants`;
    const without = await sizeAfterVacuum(driver, file);
    console.log(
      `without retention: ${(without / 1024 ** 2).toFixed(1)} MB → ${perMillion(without)}`,
    );
    const pruned = await pruneAll(driver);
    const withRetention = await sizeAfterVacuum(driver, file);
    console.log(`pruned ${pruned} of ${grants * 2} bodies (older than 90 days)`);
    console.log(
      `with 90-day retention: ${(withRetention / 1024 ** 2).toFixed(1)} MB → ${perMillion(withRetention)}`,
    );
    await closeDriver(driver);
  } finally {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`✖ ${error.message}`);
  process.exit(1);
});
