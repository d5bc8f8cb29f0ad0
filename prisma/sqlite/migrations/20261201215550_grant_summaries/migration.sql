-- CreateTable
CREATE TABLE "GrantSummary" (
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("dimension", "value", "detail")
);

-- The summaries are kept by triggers so every write to "Grant" (webhook stores, sync, reprocessing,
-- any SQL) updates them in its own transaction. SQLite has one writer at a time, so row triggers
-- upserting the counters directly cost no contention. Rows that fall to 0 stay; readers skip them.
CREATE TRIGGER "GrantSummary_after_insert" AFTER INSERT ON "Grant" BEGIN
  INSERT INTO "GrantSummary" ("dimension", "value", "detail", "count")
  SELECT d, v, x, 1 FROM (
    SELECT 'total' AS d, '' AS v, '' AS x
    UNION ALL SELECT 'status', NEW."status", ''
    UNION ALL SELECT 'status_integration', NEW."status", NEW."integrationType"
    UNION ALL SELECT 'integration', NEW."integrationType", ''
    UNION ALL SELECT 'business', NEW."businessId", ''
    UNION ALL SELECT 'reason', NEW."revocationReason", '' WHERE NEW."revocationReason" IS NOT NULL
    UNION ALL SELECT 'error_code', NEW."errorCode", '' WHERE NEW."errorCode" IS NOT NULL
  ) WHERE true
  ON CONFLICT ("dimension", "value", "detail") DO UPDATE SET "count" = "count" + excluded."count";
END;

CREATE TRIGGER "GrantSummary_after_update" AFTER UPDATE ON "Grant"
WHEN OLD."status" IS NOT NEW."status"
  OR OLD."integrationType" IS NOT NEW."integrationType"
  OR OLD."businessId" IS NOT NEW."businessId"
  OR OLD."revocationReason" IS NOT NEW."revocationReason"
  OR OLD."errorCode" IS NOT NEW."errorCode"
BEGIN
  INSERT INTO "GrantSummary" ("dimension", "value", "detail", "count")
  SELECT d, v, x, SUM(n) FROM (
    SELECT 'status' AS d, OLD."status" AS v, '' AS x, -1 AS n
    UNION ALL SELECT 'status_integration', OLD."status", OLD."integrationType", -1
    UNION ALL SELECT 'integration', OLD."integrationType", '', -1
    UNION ALL SELECT 'business', OLD."businessId", '', -1
    UNION ALL SELECT 'reason', OLD."revocationReason", '', -1 WHERE OLD."revocationReason" IS NOT NULL
    UNION ALL SELECT 'error_code', OLD."errorCode", '', -1 WHERE OLD."errorCode" IS NOT NULL
    UNION ALL SELECT 'status', NEW."status", '', 1
    UNION ALL SELECT 'status_integration', NEW."status", NEW."integrationType", 1
    UNION ALL SELECT 'integration', NEW."integrationType", '', 1
    UNION ALL SELECT 'business', NEW."businessId", '', 1
    UNION ALL SELECT 'reason', NEW."revocationReason", '', 1 WHERE NEW."revocationReason" IS NOT NULL
    UNION ALL SELECT 'error_code', NEW."errorCode", '', 1 WHERE NEW."errorCode" IS NOT NULL
  ) GROUP BY d, v, x HAVING SUM(n) <> 0
  ON CONFLICT ("dimension", "value", "detail") DO UPDATE SET "count" = "count" + excluded."count";
END;

CREATE TRIGGER "GrantSummary_after_delete" AFTER DELETE ON "Grant" BEGIN
  INSERT INTO "GrantSummary" ("dimension", "value", "detail", "count")
  SELECT d, v, x, -1 FROM (
    SELECT 'total' AS d, '' AS v, '' AS x
    UNION ALL SELECT 'status', OLD."status", ''
    UNION ALL SELECT 'status_integration', OLD."status", OLD."integrationType"
    UNION ALL SELECT 'integration', OLD."integrationType", ''
    UNION ALL SELECT 'business', OLD."businessId", ''
    UNION ALL SELECT 'reason', OLD."revocationReason", '' WHERE OLD."revocationReason" IS NOT NULL
    UNION ALL SELECT 'error_code', OLD."errorCode", '' WHERE OLD."errorCode" IS NOT NULL
  ) WHERE true
  ON CONFLICT ("dimension", "value", "detail") DO UPDATE SET "count" = "count" + excluded."count";
END;

-- Backfill from the rows already there, so an upgraded database is exact from the first request.
INSERT INTO "GrantSummary" ("dimension", "value", "detail", "count")
SELECT 'total', '', '', COUNT(*) FROM "Grant" HAVING COUNT(*) > 0
UNION ALL SELECT 'status', "status", '', COUNT(*) FROM "Grant" GROUP BY "status"
UNION ALL SELECT 'status_integration', "status", "integrationType", COUNT(*) FROM "Grant" GROUP BY "status", "integrationType"
UNION ALL SELECT 'integration', "integrationType", '', COUNT(*) FROM "Grant" GROUP BY "integrationType"
UNION ALL SELECT 'business', "businessId", '', COUNT(*) FROM "Grant" GROUP BY "businessId"
UNION ALL SELECT 'reason', "revocationReason", '', COUNT(*) FROM "Grant" WHERE "revocationReason" IS NOT NULL GROUP BY "revocationReason"
UNION ALL SELECT 'error_code', "errorCode", '', COUNT(*) FROM "Grant" WHERE "errorCode" IS NOT NULL GROUP BY "errorCode";
