-- Summaries of "Grant" kept by triggers (docs/summaries.md): every write to "Grant" (webhook
-- stores, sync, reprocessing, any SQL) updates them in its own transaction, so they are exact.
-- SQLite has one writer at a time, so row triggers upserting the counters cost no contention; each
-- UPDATE trigger has a WHEN clause, so an update that changes no counted column costs nothing.
-- Rows that fall to 0 stay; readers skip them.

-- CreateTable
CREATE TABLE "GrantSummary" (
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("dimension", "value", "detail")
);

-- CreateTable
CREATE TABLE "GrantDaily" (
    "metric" TEXT NOT NULL,
    "key" TEXT NOT NULL DEFAULT '',
    "day" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("metric", "day", "key")
);

-- CreateTable
CREATE TABLE "GrantLatency" (
    "integrationType" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("day", "integrationType", "bucket")
);

-- CreateIndex: the groups' first/last seen and examples, one seek per group (lib/grants/groups.ts).
CREATE INDEX "Grant_status_errorCode_updatedAt_id_idx" ON "Grant"("status", "errorCode", "updatedAt", "id");
CREATE INDEX "Grant_status_revocationReason_revokedAt_id_idx" ON "Grant"("status", "revocationReason", "revokedAt", "id");
-- CreateIndex: revoked in the last 7 days, a range bounded by the window's rows.
CREATE INDEX "Grant_status_revokedAt_id_idx" ON "Grant"("status", "revokedAt", "id");

-- The rows one grant contributes, as views over a one-row "Grant"-shaped source are not possible
-- in SQLite triggers; each trigger below spells them out for NEW (+1) and OLD (-1).
--   GrantSummary: total; status; status × integration; integration; business; reason; error code;
--                 status × error code and status × reason (the groups: Failed by code, Revoked by
--                 reason; a Delivered grant may still carry an old errorCode). NULL -> ''.
--   GrantDaily (UTC day, as lib/grants/daily-buckets.ts dayKey; Prisma stores DateTime here as
--                 ISO-8601 text with an offset, which date() turns into the UTC date):
--                 created (createdAt); delivered (deliveredAt); revoked_at (revokedAt, any status);
--                 failed (status Failed, by updatedAt, key errorCode); revoked (status Revoked, by
--                 revokedAt, key revocationReason).
--   GrantLatency: delivered grants by integration, day of deliveredAt and log bucket of
--                 deliveredAt - createdAt: 4 buckets per doubling, bucket b = [2^(b/4), 2^((b+1)/4)) ms
--                 (bucket 0 also holds 0 ms); negative latencies are not counted.

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
    UNION ALL SELECT 'status_error_code', NEW."status", COALESCE(NEW."errorCode", '')
    UNION ALL SELECT 'status_reason', NEW."status", COALESCE(NEW."revocationReason", '')
    UNION ALL SELECT 'status_business', NEW."status", NEW."businessId"
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
    UNION ALL SELECT 'status_error_code', OLD."status", COALESCE(OLD."errorCode", ''), -1
    UNION ALL SELECT 'status_reason', OLD."status", COALESCE(OLD."revocationReason", ''), -1
    UNION ALL SELECT 'status_business', OLD."status", OLD."businessId", -1
    UNION ALL SELECT 'status', NEW."status", '', 1
    UNION ALL SELECT 'status_integration', NEW."status", NEW."integrationType", 1
    UNION ALL SELECT 'integration', NEW."integrationType", '', 1
    UNION ALL SELECT 'business', NEW."businessId", '', 1
    UNION ALL SELECT 'reason', NEW."revocationReason", '', 1 WHERE NEW."revocationReason" IS NOT NULL
    UNION ALL SELECT 'error_code', NEW."errorCode", '', 1 WHERE NEW."errorCode" IS NOT NULL
    UNION ALL SELECT 'status_error_code', NEW."status", COALESCE(NEW."errorCode", ''), 1
    UNION ALL SELECT 'status_reason', NEW."status", COALESCE(NEW."revocationReason", ''), 1
    UNION ALL SELECT 'status_business', NEW."status", NEW."businessId", 1
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
    UNION ALL SELECT 'status_error_code', OLD."status", COALESCE(OLD."errorCode", '')
    UNION ALL SELECT 'status_reason', OLD."status", COALESCE(OLD."revocationReason", '')
    UNION ALL SELECT 'status_business', OLD."status", OLD."businessId"
  ) WHERE true
  ON CONFLICT ("dimension", "value", "detail") DO UPDATE SET "count" = "count" + excluded."count";
END;

CREATE TRIGGER "GrantDaily_after_insert" AFTER INSERT ON "Grant" BEGIN
  INSERT INTO "GrantDaily" ("metric", "key", "day", "count")
  SELECT m, k, d, 1 FROM (
    SELECT 'created' AS m, '' AS k, date(NEW."createdAt") AS d
    UNION ALL SELECT 'delivered', '', date(NEW."deliveredAt") WHERE NEW."deliveredAt" IS NOT NULL
    UNION ALL SELECT 'revoked_at', '', date(NEW."revokedAt") WHERE NEW."revokedAt" IS NOT NULL
    UNION ALL SELECT 'failed', COALESCE(NEW."errorCode", ''), date(NEW."updatedAt") WHERE NEW."status" = 'Failed'
    UNION ALL SELECT 'revoked', COALESCE(NEW."revocationReason", ''), date(NEW."revokedAt")
      WHERE NEW."status" = 'Revoked' AND NEW."revokedAt" IS NOT NULL
  ) WHERE true
  ON CONFLICT ("metric", "day", "key") DO UPDATE SET "count" = "count" + excluded."count";
END;

CREATE TRIGGER "GrantDaily_after_update" AFTER UPDATE ON "Grant"
WHEN OLD."createdAt" IS NOT NEW."createdAt"
  OR OLD."deliveredAt" IS NOT NEW."deliveredAt"
  OR OLD."revokedAt" IS NOT NEW."revokedAt"
  OR OLD."status" IS NOT NEW."status"
  OR OLD."revocationReason" IS NOT NEW."revocationReason"
  OR (NEW."status" = 'Failed' AND (OLD."updatedAt" IS NOT NEW."updatedAt" OR OLD."errorCode" IS NOT NEW."errorCode"))
BEGIN
  INSERT INTO "GrantDaily" ("metric", "key", "day", "count")
  SELECT m, k, d, SUM(n) FROM (
    SELECT 'created' AS m, '' AS k, date(OLD."createdAt") AS d, -1 AS n
    UNION ALL SELECT 'delivered', '', date(OLD."deliveredAt"), -1 WHERE OLD."deliveredAt" IS NOT NULL
    UNION ALL SELECT 'revoked_at', '', date(OLD."revokedAt"), -1 WHERE OLD."revokedAt" IS NOT NULL
    UNION ALL SELECT 'failed', COALESCE(OLD."errorCode", ''), date(OLD."updatedAt"), -1 WHERE OLD."status" = 'Failed'
    UNION ALL SELECT 'revoked', COALESCE(OLD."revocationReason", ''), date(OLD."revokedAt"), -1
      WHERE OLD."status" = 'Revoked' AND OLD."revokedAt" IS NOT NULL
    UNION ALL SELECT 'created', '', date(NEW."createdAt"), 1
    UNION ALL SELECT 'delivered', '', date(NEW."deliveredAt"), 1 WHERE NEW."deliveredAt" IS NOT NULL
    UNION ALL SELECT 'revoked_at', '', date(NEW."revokedAt"), 1 WHERE NEW."revokedAt" IS NOT NULL
    UNION ALL SELECT 'failed', COALESCE(NEW."errorCode", ''), date(NEW."updatedAt"), 1 WHERE NEW."status" = 'Failed'
    UNION ALL SELECT 'revoked', COALESCE(NEW."revocationReason", ''), date(NEW."revokedAt"), 1
      WHERE NEW."status" = 'Revoked' AND NEW."revokedAt" IS NOT NULL
  ) GROUP BY m, k, d HAVING SUM(n) <> 0
  ON CONFLICT ("metric", "day", "key") DO UPDATE SET "count" = "count" + excluded."count";
END;

CREATE TRIGGER "GrantDaily_after_delete" AFTER DELETE ON "Grant" BEGIN
  INSERT INTO "GrantDaily" ("metric", "key", "day", "count")
  SELECT m, k, d, -1 FROM (
    SELECT 'created' AS m, '' AS k, date(OLD."createdAt") AS d
    UNION ALL SELECT 'delivered', '', date(OLD."deliveredAt") WHERE OLD."deliveredAt" IS NOT NULL
    UNION ALL SELECT 'revoked_at', '', date(OLD."revokedAt") WHERE OLD."revokedAt" IS NOT NULL
    UNION ALL SELECT 'failed', COALESCE(OLD."errorCode", ''), date(OLD."updatedAt") WHERE OLD."status" = 'Failed'
    UNION ALL SELECT 'revoked', COALESCE(OLD."revocationReason", ''), date(OLD."revokedAt")
      WHERE OLD."status" = 'Revoked' AND OLD."revokedAt" IS NOT NULL
  ) WHERE true
  ON CONFLICT ("metric", "day", "key") DO UPDATE SET "count" = "count" + excluded."count";
END;

-- Latency in whole milliseconds from julianday (exact to well under a millisecond), its bucket by
-- log2 (better-sqlite3 is built with SQLITE_ENABLE_MATH_FUNCTIONS).
CREATE TRIGGER "GrantLatency_after_insert" AFTER INSERT ON "Grant"
WHEN NEW."deliveredAt" IS NOT NULL
BEGIN
  INSERT INTO "GrantLatency" ("integrationType", "day", "bucket", "count")
  SELECT NEW."integrationType", date(NEW."deliveredAt"),
    CAST(floor(4 * log2(max(1, round((julianday(NEW."deliveredAt") - julianday(NEW."createdAt")) * 86400000)))) AS INTEGER), 1
  WHERE julianday(NEW."deliveredAt") >= julianday(NEW."createdAt")
  ON CONFLICT ("day", "integrationType", "bucket") DO UPDATE SET "count" = "count" + excluded."count";
END;

CREATE TRIGGER "GrantLatency_after_update" AFTER UPDATE ON "Grant"
WHEN OLD."deliveredAt" IS NOT NEW."deliveredAt"
  OR (NEW."deliveredAt" IS NOT NULL AND (OLD."createdAt" IS NOT NEW."createdAt" OR OLD."integrationType" IS NOT NEW."integrationType"))
  OR (OLD."deliveredAt" IS NOT NULL AND (OLD."createdAt" IS NOT NEW."createdAt" OR OLD."integrationType" IS NOT NEW."integrationType"))
BEGIN
  INSERT INTO "GrantLatency" ("integrationType", "day", "bucket", "count")
  SELECT t, d, b, SUM(n) FROM (
    SELECT OLD."integrationType" AS t, date(OLD."deliveredAt") AS d,
      CAST(floor(4 * log2(max(1, round((julianday(OLD."deliveredAt") - julianday(OLD."createdAt")) * 86400000)))) AS INTEGER) AS b, -1 AS n
    WHERE OLD."deliveredAt" IS NOT NULL AND julianday(OLD."deliveredAt") >= julianday(OLD."createdAt")
    UNION ALL SELECT NEW."integrationType", date(NEW."deliveredAt"),
      CAST(floor(4 * log2(max(1, round((julianday(NEW."deliveredAt") - julianday(NEW."createdAt")) * 86400000)))) AS INTEGER), 1
    WHERE NEW."deliveredAt" IS NOT NULL AND julianday(NEW."deliveredAt") >= julianday(NEW."createdAt")
  ) GROUP BY t, d, b HAVING SUM(n) <> 0
  ON CONFLICT ("day", "integrationType", "bucket") DO UPDATE SET "count" = "count" + excluded."count";
END;

CREATE TRIGGER "GrantLatency_after_delete" AFTER DELETE ON "Grant"
WHEN OLD."deliveredAt" IS NOT NULL
BEGIN
  INSERT INTO "GrantLatency" ("integrationType", "day", "bucket", "count")
  SELECT OLD."integrationType", date(OLD."deliveredAt"),
    CAST(floor(4 * log2(max(1, round((julianday(OLD."deliveredAt") - julianday(OLD."createdAt")) * 86400000)))) AS INTEGER), -1
  WHERE julianday(OLD."deliveredAt") >= julianday(OLD."createdAt")
  ON CONFLICT ("day", "integrationType", "bucket") DO UPDATE SET "count" = "count" + excluded."count";
END;

-- Backfill from the rows already there (set-based: one pass per table), so an upgraded database
-- is exact from the first request.
INSERT INTO "GrantSummary" ("dimension", "value", "detail", "count")
SELECT 'total', '', '', COUNT(*) FROM "Grant" HAVING COUNT(*) > 0
UNION ALL SELECT 'status', "status", '', COUNT(*) FROM "Grant" GROUP BY "status"
UNION ALL SELECT 'status_integration', "status", "integrationType", COUNT(*) FROM "Grant" GROUP BY "status", "integrationType"
UNION ALL SELECT 'integration', "integrationType", '', COUNT(*) FROM "Grant" GROUP BY "integrationType"
UNION ALL SELECT 'business', "businessId", '', COUNT(*) FROM "Grant" GROUP BY "businessId"
UNION ALL SELECT 'reason', "revocationReason", '', COUNT(*) FROM "Grant" WHERE "revocationReason" IS NOT NULL GROUP BY "revocationReason"
UNION ALL SELECT 'error_code', "errorCode", '', COUNT(*) FROM "Grant" WHERE "errorCode" IS NOT NULL GROUP BY "errorCode"
UNION ALL SELECT 'status_error_code', "status", COALESCE("errorCode", ''), COUNT(*) FROM "Grant" GROUP BY 2, 3
UNION ALL SELECT 'status_reason', "status", COALESCE("revocationReason", ''), COUNT(*) FROM "Grant" GROUP BY 2, 3
UNION ALL SELECT 'status_business', "status", "businessId", COUNT(*) FROM "Grant" GROUP BY 2, 3;

INSERT INTO "GrantDaily" ("metric", "key", "day", "count")
SELECT 'created', '', date("createdAt"), COUNT(*) FROM "Grant" GROUP BY 3
UNION ALL SELECT 'delivered', '', date("deliveredAt"), COUNT(*) FROM "Grant" WHERE "deliveredAt" IS NOT NULL GROUP BY 3
UNION ALL SELECT 'revoked_at', '', date("revokedAt"), COUNT(*) FROM "Grant" WHERE "revokedAt" IS NOT NULL GROUP BY 3
UNION ALL SELECT 'failed', COALESCE("errorCode", ''), date("updatedAt"), COUNT(*) FROM "Grant" WHERE "status" = 'Failed' GROUP BY 2, 3
UNION ALL SELECT 'revoked', COALESCE("revocationReason", ''), date("revokedAt"), COUNT(*) FROM "Grant"
  WHERE "status" = 'Revoked' AND "revokedAt" IS NOT NULL GROUP BY 2, 3;

INSERT INTO "GrantLatency" ("integrationType", "day", "bucket", "count")
SELECT "integrationType", date("deliveredAt"),
  CAST(floor(4 * log2(max(1, round((julianday("deliveredAt") - julianday("createdAt")) * 86400000)))) AS INTEGER) AS b, COUNT(*)
FROM "Grant" WHERE "deliveredAt" IS NOT NULL AND julianday("deliveredAt") >= julianday("createdAt")
GROUP BY 1, 2, 3;
