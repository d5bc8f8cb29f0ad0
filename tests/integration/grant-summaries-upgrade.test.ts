// Upgrading a database that has grants but no summaries: this file's database is taken back to
// the migration before 20261201230000_grant_summaries (its objects dropped, its history row
// deleted), grants are written by the current ingestion, then `npm run db:migrate` applies the
// summaries migration, whose backfill must make them equal a recount from the first request.
import { describe, expect, inject, it } from "vitest";
import { SECRET, configureWebhookSecrets, deliver } from "../support/webhooks";
import { seededRandom, stormEvents } from "../support/grant-storm";
import { recountSummaries, storedSummaries } from "../support/summaries-recount";
import { migrate } from "../support/test-databases";
import { testViewer } from "../support/viewers";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
const MIGRATION = "20261201230000_grant_summaries";
// Later migrations that replace its triggers or trigger functions: undone with it, so the upgrade
// applies them in order, as a real one does, and the triggers tested are the current ones.
const LATER = [
  ...(provider === "postgresql" ? ["20261202041000_grant_summary_triggers_lighter"] : []),
  "20261203140000_grant_summary_entitlements",
  "20261204195813_entitlement_daily_counters",
];

const INDEXES = [
  "Grant_status_errorCode_updatedAt_id_idx",
  "Grant_status_revocationReason_revokedAt_id_idx",
  "Grant_status_revokedAt_id_idx",
];
const TABLES = [
  "GrantSummary",
  "GrantDaily",
  "GrantLatency",
  "EntitlementDaily",
  "EntitlementLatency",
];
// The tables whose name the triggers (SQLite) carry; EntitlementDaily's also keep its latency.
const TRIGGERED = ["GrantSummary", "GrantDaily", "GrantLatency", "EntitlementDaily"];

function undoSql(): string[] {
  const common = [
    ...TABLES.map((t) => `DROP TABLE "${t}"`),
    ...INDEXES.map((i) => `DROP INDEX "${i}"`),
    ...[MIGRATION, ...LATER].map(
      (m) => `DELETE FROM "_prisma_migrations" WHERE "migration_name" = '${m}'`,
    ),
  ];
  if (provider === "sqlite") {
    const triggers = TRIGGERED.flatMap((t) =>
      ["insert", "update", "delete"].map((e) => `DROP TRIGGER "${t}_after_${e}"`),
    );
    return [...triggers, ...common];
  }
  const functions = [
    ...["insert", "update", "delete"].map((e) => `"entitlement_daily_after_${e}"()`),
    `"entitlement_daily_rows"("Grant", INTEGER)`,
    `"entitlement_latency_rows"("Grant", INTEGER)`,
    ...["insert", "update", "delete"].map((e) => `"grant_summary_after_${e}"()`),
    `"grant_summary_rows"("Grant", INTEGER)`,
    `"grant_daily_rows"("Grant", INTEGER)`,
    `"grant_latency_rows"("Grant", INTEGER)`,
    `"grant_latency_bucket"(NUMERIC)`,
    `"grant_day"(TIMESTAMP)`,
  ];
  return [...functions.map((f) => `DROP FUNCTION ${f} CASCADE`), ...common];
}

describe(`grant summaries after an upgrade (${provider})`, () => {
  it("are backfilled by the migration and exact from the first request", async () => {
    const { getDb, disconnectDb } = await import("@/lib/db");
    let db = await getDb();
    for (const sql of undoSql()) await db.$executeRawUnsafe(sql);
    for (const event of stormEvents(40, seededRandom(7), new Date())) {
      expect((await deliver(event)).status).toBe(200);
    }
    await expect(db.grantSummary.count()).rejects.toThrow();
    const expected = await recountSummaries();
    expect(expected.summary["total||"]).toBe(40);

    // SQLite migrates under an exclusive lock: close every connection, the ingestion worker's too
    // (lib/ingest/worker-client.ts starts a new one on the next delivery).
    const ingest = globalThis as { grantdeskIngestThread?: { worker: { terminate(): unknown } } };
    await ingest.grantdeskIngestThread?.worker.terminate();
    await disconnectDb();
    migrate(process.env.DATABASE_URL!);
    db = await getDb();
    expect(await storedSummaries()).toEqual(expected);

    // And the triggers keep them exact from there on.
    const { countEveryGrantByStatus } = await import("@/lib/grants/queries/count-every-grant");
    await db.$executeRawUnsafe(`UPDATE "Grant" SET "status" = 'Revoked' WHERE "id" = 'g_storm_3'`);
    expect(await storedSummaries()).toEqual(await recountSummaries());
    expect((await countEveryGrantByStatus(testViewer())).all).toBe(40);
  }, 90_000); // `migrate` runs the Prisma CLI: 20–37 s here on PostgreSQL under load 8–14

  it("can be rebuilt from Grant after they were damaged", async () => {
    const { getDb } = await import("@/lib/db");
    const { rebuildSummaries } = await import("@/lib/grants/queries/rebuild-summaries");
    const db = await getDb();
    await db.$executeRawUnsafe(`UPDATE "GrantSummary" SET "count" = "count" + 5`);
    await db.$executeRawUnsafe(`DELETE FROM "GrantDaily" WHERE "metric" = 'created'`);
    await db.$executeRawUnsafe(`UPDATE "GrantLatency" SET "bucket" = "bucket" + 100`);
    await db.$executeRawUnsafe(`DELETE FROM "EntitlementDaily" WHERE "metric" = 'failed'`);
    await db.$executeRawUnsafe(`UPDATE "EntitlementLatency" SET "count" = "count" * 2`);
    expect(await storedSummaries()).not.toEqual(await recountSummaries());
    await rebuildSummaries(testViewer("admin"));
    expect(await storedSummaries()).toEqual(await recountSummaries());
  });
});
