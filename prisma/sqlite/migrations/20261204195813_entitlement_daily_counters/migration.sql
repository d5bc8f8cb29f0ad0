-- Per-entitlement counters by UTC day of creation (docs/summaries.md, "Entitlement counters"),
-- so /entitlements/[id] reads ~30 days of counters instead of every grant created in them (at
-- 1,000,000 grants the largest entitlement had ~15,000 in 30 days: 150–240 ms). Kept by row
-- triggers on Grant like GrantDaily and GrantLatency, in the writer's own transaction.
--   EntitlementDaily: created (key ''), failed (status Failed, key errorCode or ''), by
--                     date(createdAt): a cohort.
--   EntitlementLatency: delivered grants by date(createdAt) and GrantLatency's bucket of
--                     deliveredAt - createdAt; negative latencies are not counted.

-- CreateTable
CREATE TABLE "EntitlementDaily" (
    "entitlementId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "key" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("entitlementId", "day", "metric", "key")
);

-- CreateTable
CREATE TABLE "EntitlementLatency" (
    "entitlementId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("entitlementId", "day", "bucket")
);

-- The latency bucket as in GrantLatency's triggers (20261201230000_grant_summaries).
CREATE TRIGGER "EntitlementDaily_after_insert" AFTER INSERT ON "Grant" BEGIN
  INSERT INTO "EntitlementDaily" ("entitlementId", "day", "metric", "key", "count")
  SELECT NEW."entitlementId", date(NEW."createdAt"), m, k, 1 FROM (
    SELECT 'created' AS m, '' AS k
    UNION ALL SELECT 'failed', COALESCE(NEW."errorCode", '') WHERE NEW."status" = 'Failed'
  ) WHERE true
  ON CONFLICT ("entitlementId", "day", "metric", "key") DO UPDATE SET "count" = "count" + excluded."count";
  INSERT INTO "EntitlementLatency" ("entitlementId", "day", "bucket", "count")
  SELECT NEW."entitlementId", date(NEW."createdAt"),
    CAST(floor(4 * log2(max(1, round((julianday(NEW."deliveredAt") - julianday(NEW."createdAt")) * 86400000)))) AS INTEGER), 1
  WHERE NEW."deliveredAt" IS NOT NULL AND julianday(NEW."deliveredAt") >= julianday(NEW."createdAt")
  ON CONFLICT ("entitlementId", "day", "bucket") DO UPDATE SET "count" = "count" + excluded."count";
END;

CREATE TRIGGER "EntitlementDaily_after_update" AFTER UPDATE ON "Grant"
WHEN OLD."entitlementId" IS NOT NEW."entitlementId"
  OR OLD."createdAt" IS NOT NEW."createdAt"
  OR OLD."status" IS NOT NEW."status"
  OR OLD."errorCode" IS NOT NEW."errorCode"
  OR OLD."deliveredAt" IS NOT NEW."deliveredAt"
BEGIN
  INSERT INTO "EntitlementDaily" ("entitlementId", "day", "metric", "key", "count")
  SELECT e, d, m, k, SUM(n) FROM (
    SELECT OLD."entitlementId" AS e, date(OLD."createdAt") AS d, 'created' AS m, '' AS k, -1 AS n
    UNION ALL SELECT OLD."entitlementId", date(OLD."createdAt"), 'failed', COALESCE(OLD."errorCode", ''), -1
      WHERE OLD."status" = 'Failed'
    UNION ALL SELECT NEW."entitlementId", date(NEW."createdAt"), 'created', '', 1
    UNION ALL SELECT NEW."entitlementId", date(NEW."createdAt"), 'failed', COALESCE(NEW."errorCode", ''), 1
      WHERE NEW."status" = 'Failed'
  ) GROUP BY e, d, m, k HAVING SUM(n) <> 0
  ON CONFLICT ("entitlementId", "day", "metric", "key") DO UPDATE SET "count" = "count" + excluded."count";
  INSERT INTO "EntitlementLatency" ("entitlementId", "day", "bucket", "count")
  SELECT e, d, b, SUM(n) FROM (
    SELECT OLD."entitlementId" AS e, date(OLD."createdAt") AS d,
      CAST(floor(4 * log2(max(1, round((julianday(OLD."deliveredAt") - julianday(OLD."createdAt")) * 86400000)))) AS INTEGER) AS b, -1 AS n
    WHERE OLD."deliveredAt" IS NOT NULL AND julianday(OLD."deliveredAt") >= julianday(OLD."createdAt")
    UNION ALL SELECT NEW."entitlementId", date(NEW."createdAt"),
      CAST(floor(4 * log2(max(1, round((julianday(NEW."deliveredAt") - julianday(NEW."createdAt")) * 86400000)))) AS INTEGER), 1
    WHERE NEW."deliveredAt" IS NOT NULL AND julianday(NEW."deliveredAt") >= julianday(NEW."createdAt")
  ) GROUP BY e, d, b HAVING SUM(n) <> 0
  ON CONFLICT ("entitlementId", "day", "bucket") DO UPDATE SET "count" = "count" + excluded."count";
END;

CREATE TRIGGER "EntitlementDaily_after_delete" AFTER DELETE ON "Grant" BEGIN
  INSERT INTO "EntitlementDaily" ("entitlementId", "day", "metric", "key", "count")
  SELECT OLD."entitlementId", date(OLD."createdAt"), m, k, -1 FROM (
    SELECT 'created' AS m, '' AS k
    UNION ALL SELECT 'failed', COALESCE(OLD."errorCode", '') WHERE OLD."status" = 'Failed'
  ) WHERE true
  ON CONFLICT ("entitlementId", "day", "metric", "key") DO UPDATE SET "count" = "count" + excluded."count";
  INSERT INTO "EntitlementLatency" ("entitlementId", "day", "bucket", "count")
  SELECT OLD."entitlementId", date(OLD."createdAt"),
    CAST(floor(4 * log2(max(1, round((julianday(OLD."deliveredAt") - julianday(OLD."createdAt")) * 86400000)))) AS INTEGER), -1
  WHERE OLD."deliveredAt" IS NOT NULL AND julianday(OLD."deliveredAt") >= julianday(OLD."createdAt")
  ON CONFLICT ("entitlementId", "day", "bucket") DO UPDATE SET "count" = "count" + excluded."count";
END;

-- Backfill from the rows already there (one pass per table), so an upgraded database is exact
-- from the first request. lib/grants/queries/rebuild-summaries.ts runs this too.
INSERT INTO "EntitlementDaily" ("entitlementId", "day", "metric", "key", "count")
SELECT "entitlementId", date("createdAt"), 'created', '', COUNT(*) FROM "Grant" GROUP BY 1, 2
UNION ALL SELECT "entitlementId", date("createdAt"), 'failed', COALESCE("errorCode", ''), COUNT(*) FROM "Grant"
  WHERE "status" = 'Failed' GROUP BY 1, 2, 4;

INSERT INTO "EntitlementLatency" ("entitlementId", "day", "bucket", "count")
SELECT "entitlementId", date("createdAt"),
  CAST(floor(4 * log2(max(1, round((julianday("deliveredAt") - julianday("createdAt")) * 86400000)))) AS INTEGER), COUNT(*)
FROM "Grant" WHERE "deliveredAt" IS NOT NULL AND julianday("deliveredAt") >= julianday("createdAt")
GROUP BY 1, 2, 3;
