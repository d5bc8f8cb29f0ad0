// Rebuilds the trigger-kept summaries (docs/summaries.md) from "Grant", for the rare case they
// were bypassed (a restore without triggers, a trigger bug fixed later). The statements are the
// backfill of the migration that created them, so there is one definition of what is counted.
// One transaction: writers wait (SQLite's single writer; PostgreSQL's SHARE lock on "Grant").
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { getDb, getDriver } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

// The migrations whose backfill defines the counters. SQLite spells each dimension out in SQL, so
// a dimension added later has its own backfill; PostgreSQL's first backfill expands
// "grant_summary_rows", which the later migration redefined to include it.
// The per-entitlement counters have their own tables and backfill on both.
const ENTITLEMENT_COUNTERS = "20261204195813_entitlement_daily_counters";
const MIGRATIONS = {
  sqlite: [
    "20261201230000_grant_summaries",
    "20261203140000_grant_summary_entitlements",
    ENTITLEMENT_COUNTERS,
  ],
  postgresql: ["20261201230000_grant_summaries", ENTITLEMENT_COUNTERS],
} as const;
const TABLES = [
  "GrantSummary",
  "GrantDaily",
  "GrantLatency",
  "EntitlementDaily",
  "EntitlementLatency",
];

function backfillStatements(provider: "sqlite" | "postgresql"): string[] {
  return MIGRATIONS[provider].flatMap((migration) => backfillOf(provider, migration));
}

function backfillOf(provider: "sqlite" | "postgresql", migration: string): string[] {
  const file = path.join(
    process.cwd(),
    "prisma",
    provider,
    "migrations",
    migration,
    "migration.sql",
  );
  const sql = fs.readFileSync(file, "utf8");
  const backfill = sql.slice(sql.indexOf("-- Backfill"));
  return backfill
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter(Boolean);
}

export async function rebuildSummaries(viewer: Viewer): Promise<{ ms: number }> {
  assertCan(viewer, "sync:run");
  const provider = getDriver().provider;
  const statements = backfillStatements(provider);
  const db = await getDb();
  const started = Date.now();
  await db.$transaction(
    async (tx) => {
      if (provider === "postgresql") await tx.$executeRawUnsafe(`LOCK TABLE "Grant" IN SHARE MODE`);
      for (const table of TABLES) await tx.$executeRawUnsafe(`DELETE FROM "${table}"`);
      for (const statement of statements) await tx.$executeRawUnsafe(statement);
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  return { ms: Date.now() - started };
}
