-- Per-entitlement counters by UTC day of creation (docs/summaries.md, "Entitlement counters"),
-- so /entitlements/[id] reads ~30 days of counters instead of every grant created in them (at
-- 1,000,000 grants the largest entitlement had ~15,000 in 30 days: 150–240 ms). Kept like the
-- GrantSummary family: statement triggers over transition tables, one definition of a grant's
-- rows per table ("entitlement_daily_rows", "entitlement_latency_rows"), the UPDATE trigger
-- skipping the pairs whose counted columns are equal. Triggers of their own, so the summary
-- triggers of 20261201230000 and later are untouched.
--   EntitlementDaily: created (key ''), failed (status Failed, key errorCode or ''), by
--                     "grant_day"(createdAt): a cohort.
--   EntitlementLatency: delivered grants by "grant_day"(createdAt) and "grant_latency_bucket"
--                     of deliveredAt - createdAt; negative latencies are not counted.

-- CreateTable
CREATE TABLE "EntitlementDaily" (
    "entitlementId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "key" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "EntitlementDaily_pkey" PRIMARY KEY ("entitlementId","day","metric","key")
);

-- CreateTable
CREATE TABLE "EntitlementLatency" (
    "entitlementId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "EntitlementLatency_pkey" PRIMARY KEY ("entitlementId","day","bucket")
);

CREATE FUNCTION "entitlement_daily_rows"(g "Grant", n INTEGER)
RETURNS TABLE ("entitlementId" TEXT, "day" TEXT, "metric" TEXT, "key" TEXT, "count" INTEGER)
LANGUAGE sql IMMUTABLE AS $$
  SELECT g."entitlementId", "grant_day"(g."createdAt"), d.* FROM (VALUES
    ('created', '', n),
    ('failed', COALESCE(g."errorCode", ''), CASE WHEN g."status" = 'Failed' THEN n END)
  ) AS d("metric", "key", "count")
  WHERE d."count" IS NOT NULL
$$;

CREATE FUNCTION "entitlement_latency_rows"(g "Grant", n INTEGER)
RETURNS TABLE ("entitlementId" TEXT, "day" TEXT, "bucket" INTEGER, "count" INTEGER)
LANGUAGE sql IMMUTABLE AS $$
  SELECT g."entitlementId", "grant_day"(g."createdAt"),
    "grant_latency_bucket"(round(extract(epoch FROM g."deliveredAt" - g."createdAt") * 1000)), n
  WHERE g."deliveredAt" IS NOT NULL AND g."deliveredAt" >= g."createdAt"
$$;

-- Each applies the statement's net change in key order (the same lock order in every writer).
CREATE FUNCTION "entitlement_daily_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "entitlement_new") THEN
    RETURN NULL;
  END IF;

  INSERT INTO "EntitlementDaily" ("entitlementId", "day", "metric", "key", "count")
  SELECT r."entitlementId", r."day", r."metric", r."key", SUM(r."count")::INTEGER
  FROM "entitlement_new" g, LATERAL "entitlement_daily_rows"(g, 1) r
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("entitlementId", "day", "metric", "key")
    DO UPDATE SET "count" = "EntitlementDaily"."count" + EXCLUDED."count";

  INSERT INTO "EntitlementLatency" ("entitlementId", "day", "bucket", "count")
  SELECT r."entitlementId", r."day", r."bucket", SUM(r."count")::INTEGER
  FROM "entitlement_new" g, LATERAL "entitlement_latency_rows"(g, 1) r
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT ("entitlementId", "day", "bucket")
    DO UPDATE SET "count" = "EntitlementLatency"."count" + EXCLUDED."count";
  RETURN NULL;
END
$$;

-- The column lists compared are exactly what the two *_rows functions read: if a pair's lists
-- are equal, its contributions are equal and net to zero.
CREATE FUNCTION "entitlement_daily_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "entitlement_new") THEN
    RETURN NULL;
  END IF;

  INSERT INTO "EntitlementDaily" ("entitlementId", "day", "metric", "key", "count")
  SELECT r."entitlementId", r."day", r."metric", r."key", SUM(r."count")::INTEGER
  FROM "entitlement_old" o FULL JOIN "entitlement_new" n ON n."id" = o."id",
  LATERAL (
    SELECT s.* FROM "entitlement_daily_rows"(n, 1) s WHERE n."id" IS NOT NULL
    UNION ALL SELECT s.* FROM "entitlement_daily_rows"(o, -1) s WHERE o."id" IS NOT NULL
  ) r
  WHERE (o."entitlementId", o."createdAt", o."status", o."errorCode")
    IS DISTINCT FROM (n."entitlementId", n."createdAt", n."status", n."errorCode")
  GROUP BY 1, 2, 3, 4 HAVING SUM(r."count") <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("entitlementId", "day", "metric", "key")
    DO UPDATE SET "count" = "EntitlementDaily"."count" + EXCLUDED."count";

  INSERT INTO "EntitlementLatency" ("entitlementId", "day", "bucket", "count")
  SELECT r."entitlementId", r."day", r."bucket", SUM(r."count")::INTEGER
  FROM "entitlement_old" o FULL JOIN "entitlement_new" n ON n."id" = o."id",
  LATERAL (
    SELECT s.* FROM "entitlement_latency_rows"(n, 1) s WHERE n."id" IS NOT NULL
    UNION ALL SELECT s.* FROM "entitlement_latency_rows"(o, -1) s WHERE o."id" IS NOT NULL
  ) r
  WHERE (o."entitlementId", o."createdAt", o."deliveredAt")
    IS DISTINCT FROM (n."entitlementId", n."createdAt", n."deliveredAt")
  GROUP BY 1, 2, 3 HAVING SUM(r."count") <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ("entitlementId", "day", "bucket")
    DO UPDATE SET "count" = "EntitlementLatency"."count" + EXCLUDED."count";
  RETURN NULL;
END
$$;

CREATE FUNCTION "entitlement_daily_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "entitlement_old") THEN
    RETURN NULL;
  END IF;

  INSERT INTO "EntitlementDaily" ("entitlementId", "day", "metric", "key", "count")
  SELECT r."entitlementId", r."day", r."metric", r."key", SUM(r."count")::INTEGER
  FROM "entitlement_old" g, LATERAL "entitlement_daily_rows"(g, -1) r
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("entitlementId", "day", "metric", "key")
    DO UPDATE SET "count" = "EntitlementDaily"."count" + EXCLUDED."count";

  INSERT INTO "EntitlementLatency" ("entitlementId", "day", "bucket", "count")
  SELECT r."entitlementId", r."day", r."bucket", SUM(r."count")::INTEGER
  FROM "entitlement_old" g, LATERAL "entitlement_latency_rows"(g, -1) r
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT ("entitlementId", "day", "bucket")
    DO UPDATE SET "count" = "EntitlementLatency"."count" + EXCLUDED."count";
  RETURN NULL;
END
$$;

CREATE TRIGGER "EntitlementDaily_after_insert" AFTER INSERT ON "Grant"
  REFERENCING NEW TABLE AS "entitlement_new"
  FOR EACH STATEMENT EXECUTE FUNCTION "entitlement_daily_after_insert"();
CREATE TRIGGER "EntitlementDaily_after_update" AFTER UPDATE ON "Grant"
  REFERENCING OLD TABLE AS "entitlement_old" NEW TABLE AS "entitlement_new"
  FOR EACH STATEMENT EXECUTE FUNCTION "entitlement_daily_after_update"();
CREATE TRIGGER "EntitlementDaily_after_delete" AFTER DELETE ON "Grant"
  REFERENCING OLD TABLE AS "entitlement_old"
  FOR EACH STATEMENT EXECUTE FUNCTION "entitlement_daily_after_delete"();

-- Backfill from the rows already there (one pass per table), so an upgraded database is exact
-- from the first request. lib/grants/queries/rebuild-summaries.ts runs this too.
INSERT INTO "EntitlementDaily" ("entitlementId", "day", "metric", "key", "count")
SELECT r."entitlementId", r."day", r."metric", r."key", SUM(r."count")::INTEGER
FROM "Grant" g, LATERAL "entitlement_daily_rows"(g, 1) r
GROUP BY 1, 2, 3, 4;

INSERT INTO "EntitlementLatency" ("entitlementId", "day", "bucket", "count")
SELECT r."entitlementId", r."day", r."bucket", SUM(r."count")::INTEGER
FROM "Grant" g, LATERAL "entitlement_latency_rows"(g, 1) r
GROUP BY 1, 2, 3;
