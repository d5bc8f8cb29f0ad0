-- Grants by status per entitlement (docs/summaries.md): GrantSummary gains the dimension
-- 'status_entitlement' (value = status, detail = entitlementId), so /entitlements lists every
-- entitlement a grant names, with its counts, without reading a million grants.
-- "grant_summary_rows" (the one definition of a grant's GrantSummary rows, which the three
-- statement triggers expand) gains the row; the UPDATE function of 20261202041000 is replaced
-- only to compare "entitlementId" too, so a pair whose entitlement changed is not skipped. Same
-- tables, same lock order; the triggers themselves call these functions by name and stay.

CREATE OR REPLACE FUNCTION "grant_summary_rows"(g "Grant", n INTEGER)
RETURNS TABLE ("dimension" TEXT, "value" TEXT, "detail" TEXT, "count" INTEGER)
LANGUAGE sql IMMUTABLE AS $$
  SELECT d.* FROM (VALUES
    ('status', g."status", '', n),
    ('status_integration', g."status", g."integrationType", n),
    ('integration', g."integrationType", '', n),
    ('business', g."businessId", '', n),
    ('reason', g."revocationReason", '', n),
    ('error_code', g."errorCode", '', n),
    ('status_error_code', g."status", COALESCE(g."errorCode", ''), n),
    ('status_reason', g."status", COALESCE(g."revocationReason", ''), n),
    ('status_business', g."status", g."businessId", n),
    ('status_entitlement', g."status", g."entitlementId", n)
  ) AS d("dimension", "value", "detail", "count")
  WHERE d."value" IS NOT NULL
$$;

CREATE OR REPLACE FUNCTION "grant_summary_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "summary_new") THEN
    RETURN NULL;
  END IF;

  INSERT INTO "GrantSummary" ("dimension", "value", "detail", "count")
  SELECT r."dimension", r."value", r."detail", SUM(r."count")::INTEGER
  FROM "summary_old" o FULL JOIN "summary_new" n ON n."id" = o."id",
  LATERAL (
    SELECT s.* FROM "grant_summary_rows"(n, 1) s WHERE n."id" IS NOT NULL
    UNION ALL SELECT s.* FROM "grant_summary_rows"(o, -1) s WHERE o."id" IS NOT NULL
  ) r
  WHERE (o."status", o."integrationType", o."businessId", o."revocationReason", o."errorCode",
      o."entitlementId")
    IS DISTINCT FROM
    (n."status", n."integrationType", n."businessId", n."revocationReason", n."errorCode",
      n."entitlementId")
  GROUP BY 1, 2, 3 HAVING SUM(r."count") <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ("dimension", "value", "detail")
    DO UPDATE SET "count" = "GrantSummary"."count" + EXCLUDED."count";

  INSERT INTO "GrantDaily" ("metric", "key", "day", "count")
  SELECT r."metric", r."key", r."day", SUM(r."count")::INTEGER
  FROM "summary_old" o FULL JOIN "summary_new" n ON n."id" = o."id",
  LATERAL (
    SELECT s.* FROM "grant_daily_rows"(n, 1) s WHERE n."id" IS NOT NULL
    UNION ALL SELECT s.* FROM "grant_daily_rows"(o, -1) s WHERE o."id" IS NOT NULL
  ) r
  WHERE (o."createdAt", o."deliveredAt", o."revokedAt", o."status", o."errorCode",
      o."revocationReason", CASE WHEN o."status" = 'Failed' THEN "grant_day"(o."updatedAt") END)
    IS DISTINCT FROM
    (n."createdAt", n."deliveredAt", n."revokedAt", n."status", n."errorCode",
      n."revocationReason", CASE WHEN n."status" = 'Failed' THEN "grant_day"(n."updatedAt") END)
  GROUP BY 1, 2, 3 HAVING SUM(r."count") <> 0
  ORDER BY 1, 3, 2
  ON CONFLICT ("metric", "day", "key")
    DO UPDATE SET "count" = "GrantDaily"."count" + EXCLUDED."count";

  INSERT INTO "GrantLatency" ("integrationType", "day", "bucket", "count")
  SELECT r."integrationType", r."day", r."bucket", SUM(r."count")::INTEGER
  FROM "summary_old" o FULL JOIN "summary_new" n ON n."id" = o."id",
  LATERAL (
    SELECT s.* FROM "grant_latency_rows"(n, 1) s WHERE n."id" IS NOT NULL
    UNION ALL SELECT s.* FROM "grant_latency_rows"(o, -1) s WHERE o."id" IS NOT NULL
  ) r
  WHERE (o."integrationType", o."createdAt", o."deliveredAt")
    IS DISTINCT FROM (n."integrationType", n."createdAt", n."deliveredAt")
  GROUP BY 1, 2, 3 HAVING SUM(r."count") <> 0
  ORDER BY 2, 1, 3
  ON CONFLICT ("day", "integrationType", "bucket")
    DO UPDATE SET "count" = "GrantLatency"."count" + EXCLUDED."count";
  RETURN NULL;
END
$$;

-- Backfill from the rows already there (one pass), so an upgraded database is exact from the
-- first request. Not run by lib/grants/queries/rebuild-summaries.ts: the backfill of
-- 20261201230000 expands "grant_summary_rows", which now yields this dimension too.
INSERT INTO "GrantSummary" ("dimension", "value", "detail", "count")
SELECT 'status_entitlement', "status", "entitlementId", COUNT(*)::INTEGER FROM "Grant" GROUP BY 2, 3;
