-- Grants by status per entitlement (docs/summaries.md): GrantSummary gains the dimension
-- 'status_entitlement' (value = status, detail = entitlementId), so /entitlements lists every
-- entitlement a grant names, with its counts, without reading a million grants. The GrantSummary
-- triggers of 20261201230000 are replaced by the same triggers plus that dimension (SQLite cannot
-- alter a trigger); GrantDaily and GrantLatency are untouched.

DROP TRIGGER "GrantSummary_after_insert";
DROP TRIGGER "GrantSummary_after_update";
DROP TRIGGER "GrantSummary_after_delete";

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
    UNION ALL SELECT 'status_entitlement', NEW."status", NEW."entitlementId"
  ) WHERE true
  ON CONFLICT ("dimension", "value", "detail") DO UPDATE SET "count" = "count" + excluded."count";
END;

CREATE TRIGGER "GrantSummary_after_update" AFTER UPDATE ON "Grant"
WHEN OLD."status" IS NOT NEW."status"
  OR OLD."integrationType" IS NOT NEW."integrationType"
  OR OLD."businessId" IS NOT NEW."businessId"
  OR OLD."revocationReason" IS NOT NEW."revocationReason"
  OR OLD."errorCode" IS NOT NEW."errorCode"
  OR OLD."entitlementId" IS NOT NEW."entitlementId"
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
    UNION ALL SELECT 'status_entitlement', OLD."status", OLD."entitlementId", -1
    UNION ALL SELECT 'status', NEW."status", '', 1
    UNION ALL SELECT 'status_integration', NEW."status", NEW."integrationType", 1
    UNION ALL SELECT 'integration', NEW."integrationType", '', 1
    UNION ALL SELECT 'business', NEW."businessId", '', 1
    UNION ALL SELECT 'reason', NEW."revocationReason", '', 1 WHERE NEW."revocationReason" IS NOT NULL
    UNION ALL SELECT 'error_code', NEW."errorCode", '', 1 WHERE NEW."errorCode" IS NOT NULL
    UNION ALL SELECT 'status_error_code', NEW."status", COALESCE(NEW."errorCode", ''), 1
    UNION ALL SELECT 'status_reason', NEW."status", COALESCE(NEW."revocationReason", ''), 1
    UNION ALL SELECT 'status_business', NEW."status", NEW."businessId", 1
    UNION ALL SELECT 'status_entitlement', NEW."status", NEW."entitlementId", 1
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
    UNION ALL SELECT 'status_entitlement', OLD."status", OLD."entitlementId"
  ) WHERE true
  ON CONFLICT ("dimension", "value", "detail") DO UPDATE SET "count" = "count" + excluded."count";
END;

-- Backfill from the rows already there (one pass), so an upgraded database is exact from the
-- first request. lib/grants/queries/rebuild-summaries.ts runs this too.
INSERT INTO "GrantSummary" ("dimension", "value", "detail", "count")
SELECT 'status_entitlement', "status", "entitlementId", COUNT(*) FROM "Grant" GROUP BY 2, 3;
