-- Summaries of "Grant" kept by triggers (docs/summaries.md): every write to "Grant" (webhook
-- stores, sync, reprocessing, any SQL) updates them in its own transaction, so they are exact.
-- Statement-level triggers with transition tables: one multi-row upsert of "Grant" makes one
-- upsert per summary table, net of its rows (an update that changes no counted column nets to
-- nothing and writes nothing), in key order, tables always in the same order (GrantSummary,
-- GrantDaily, GrantLatency), so concurrent statements lock counter rows in one global order.
-- Rows that fall to 0 stay; readers skip them.

-- CreateTable
CREATE TABLE "GrantSummary" (
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GrantSummary_pkey" PRIMARY KEY ("dimension","value","detail")
);

-- CreateTable
CREATE TABLE "GrantDaily" (
    "metric" TEXT NOT NULL,
    "key" TEXT NOT NULL DEFAULT '',
    "day" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GrantDaily_pkey" PRIMARY KEY ("metric","day","key")
);

-- CreateTable
CREATE TABLE "GrantLatency" (
    "integrationType" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GrantLatency_pkey" PRIMARY KEY ("day","integrationType","bucket")
);

-- CreateIndex: the groups' first/last seen and examples, one seek per group (lib/grants/groups.ts).
CREATE INDEX "Grant_status_errorCode_updatedAt_id_idx" ON "Grant"("status", "errorCode", "updatedAt", "id");
CREATE INDEX "Grant_status_revocationReason_revokedAt_id_idx" ON "Grant"("status", "revocationReason", "revokedAt", "id");
-- CreateIndex: revoked in the last 7 days, a range bounded by the window's rows.
CREATE INDEX "Grant_status_revokedAt_id_idx" ON "Grant"("status", "revokedAt", "id");

-- The counter rows one grant contributes, with sign n. NULL keys -> '' (except reason and
-- error_code, which count only grants that carry one). Days are UTC dates (timestamp(3) holds UTC),
-- the same as lib/grants/daily-buckets.ts dayKey.
CREATE FUNCTION "grant_summary_rows"(g "Grant", n INTEGER)
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
    ('status_business', g."status", g."businessId", n)
  ) AS d("dimension", "value", "detail", "count")
  WHERE d."value" IS NOT NULL
$$;

CREATE FUNCTION "grant_day"(t TIMESTAMP(3)) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT to_char(t, 'YYYY-MM-DD')
$$;

CREATE FUNCTION "grant_daily_rows"(g "Grant", n INTEGER)
RETURNS TABLE ("metric" TEXT, "key" TEXT, "day" TEXT, "count" INTEGER)
LANGUAGE sql IMMUTABLE AS $$
  SELECT d.* FROM (VALUES
    ('created', '', "grant_day"(g."createdAt"), n),
    ('delivered', '', "grant_day"(g."deliveredAt"), n),
    ('revoked_at', '', "grant_day"(g."revokedAt"), n),
    ('failed', COALESCE(g."errorCode", ''),
      CASE WHEN g."status" = 'Failed' THEN "grant_day"(g."updatedAt") END, n),
    ('revoked', COALESCE(g."revocationReason", ''),
      CASE WHEN g."status" = 'Revoked' THEN "grant_day"(g."revokedAt") END, n)
  ) AS d("metric", "key", "day", "count")
  WHERE d."day" IS NOT NULL
$$;

-- Bucket b = [2^(b/4), 2^((b+1)/4)) ms, 4 per doubling (bucket 0 also holds 0 ms). numeric log,
-- so a power of two falls in its own bucket exactly.
CREATE FUNCTION "grant_latency_bucket"(ms NUMERIC) RETURNS INTEGER LANGUAGE sql IMMUTABLE AS $$
  SELECT floor(4 * log(2::numeric, greatest(ms, 1)))::INTEGER
$$;

CREATE FUNCTION "grant_latency_rows"(g "Grant", n INTEGER)
RETURNS TABLE ("integrationType" TEXT, "day" TEXT, "bucket" INTEGER, "count" INTEGER)
LANGUAGE sql IMMUTABLE AS $$
  SELECT g."integrationType", "grant_day"(g."deliveredAt"),
    "grant_latency_bucket"(round(extract(epoch FROM g."deliveredAt" - g."createdAt") * 1000)), n
  WHERE g."deliveredAt" IS NOT NULL AND g."deliveredAt" >= g."createdAt"
$$;

-- One function per event (transition tables are visible only in the trigger's own function).
-- Each applies the statement's net change: "summary_new" rows count +1, "summary_old" rows -1.
CREATE FUNCTION "grant_summary_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "GrantSummary" ("dimension", "value", "detail", "count")
  SELECT r."dimension", r."value", r."detail", SUM(r."count")::INTEGER
  FROM (
    SELECT s.* FROM "summary_new" g, LATERAL "grant_summary_rows"(g, 1) s
    UNION ALL SELECT 'total', '', '', ((SELECT COUNT(*) FROM "summary_new"))::INTEGER
  ) r
  GROUP BY 1, 2, 3 HAVING SUM(r."count") <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ("dimension", "value", "detail")
    DO UPDATE SET "count" = "GrantSummary"."count" + EXCLUDED."count";

  INSERT INTO "GrantDaily" ("metric", "key", "day", "count")
  SELECT r."metric", r."key", r."day", SUM(r."count")::INTEGER
  FROM (
    SELECT s.* FROM "summary_new" g, LATERAL "grant_daily_rows"(g, 1) s
  ) r
  GROUP BY 1, 2, 3 HAVING SUM(r."count") <> 0
  ORDER BY 1, 3, 2
  ON CONFLICT ("metric", "day", "key")
    DO UPDATE SET "count" = "GrantDaily"."count" + EXCLUDED."count";

  INSERT INTO "GrantLatency" ("integrationType", "day", "bucket", "count")
  SELECT r."integrationType", r."day", r."bucket", SUM(r."count")::INTEGER
  FROM (
    SELECT s.* FROM "summary_new" g, LATERAL "grant_latency_rows"(g, 1) s
  ) r
  GROUP BY 1, 2, 3 HAVING SUM(r."count") <> 0
  ORDER BY 2, 1, 3
  ON CONFLICT ("day", "integrationType", "bucket")
    DO UPDATE SET "count" = "GrantLatency"."count" + EXCLUDED."count";
  RETURN NULL;
END
$$;

CREATE FUNCTION "grant_summary_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "GrantSummary" ("dimension", "value", "detail", "count")
  SELECT r."dimension", r."value", r."detail", SUM(r."count")::INTEGER
  FROM (
    SELECT s.* FROM "summary_new" g, LATERAL "grant_summary_rows"(g, 1) s
    UNION ALL SELECT s.* FROM "summary_old" g, LATERAL "grant_summary_rows"(g, -1) s
  ) r
  GROUP BY 1, 2, 3 HAVING SUM(r."count") <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ("dimension", "value", "detail")
    DO UPDATE SET "count" = "GrantSummary"."count" + EXCLUDED."count";

  INSERT INTO "GrantDaily" ("metric", "key", "day", "count")
  SELECT r."metric", r."key", r."day", SUM(r."count")::INTEGER
  FROM (
    SELECT s.* FROM "summary_new" g, LATERAL "grant_daily_rows"(g, 1) s
    UNION ALL SELECT s.* FROM "summary_old" g, LATERAL "grant_daily_rows"(g, -1) s
  ) r
  GROUP BY 1, 2, 3 HAVING SUM(r."count") <> 0
  ORDER BY 1, 3, 2
  ON CONFLICT ("metric", "day", "key")
    DO UPDATE SET "count" = "GrantDaily"."count" + EXCLUDED."count";

  INSERT INTO "GrantLatency" ("integrationType", "day", "bucket", "count")
  SELECT r."integrationType", r."day", r."bucket", SUM(r."count")::INTEGER
  FROM (
    SELECT s.* FROM "summary_new" g, LATERAL "grant_latency_rows"(g, 1) s
    UNION ALL SELECT s.* FROM "summary_old" g, LATERAL "grant_latency_rows"(g, -1) s
  ) r
  GROUP BY 1, 2, 3 HAVING SUM(r."count") <> 0
  ORDER BY 2, 1, 3
  ON CONFLICT ("day", "integrationType", "bucket")
    DO UPDATE SET "count" = "GrantLatency"."count" + EXCLUDED."count";
  RETURN NULL;
END
$$;

CREATE FUNCTION "grant_summary_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "GrantSummary" ("dimension", "value", "detail", "count")
  SELECT r."dimension", r."value", r."detail", SUM(r."count")::INTEGER
  FROM (
    SELECT s.* FROM "summary_old" g, LATERAL "grant_summary_rows"(g, -1) s
    UNION ALL SELECT 'total', '', '', (-(SELECT COUNT(*) FROM "summary_old"))::INTEGER
  ) r
  GROUP BY 1, 2, 3 HAVING SUM(r."count") <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ("dimension", "value", "detail")
    DO UPDATE SET "count" = "GrantSummary"."count" + EXCLUDED."count";

  INSERT INTO "GrantDaily" ("metric", "key", "day", "count")
  SELECT r."metric", r."key", r."day", SUM(r."count")::INTEGER
  FROM (
    SELECT s.* FROM "summary_old" g, LATERAL "grant_daily_rows"(g, -1) s
  ) r
  GROUP BY 1, 2, 3 HAVING SUM(r."count") <> 0
  ORDER BY 1, 3, 2
  ON CONFLICT ("metric", "day", "key")
    DO UPDATE SET "count" = "GrantDaily"."count" + EXCLUDED."count";

  INSERT INTO "GrantLatency" ("integrationType", "day", "bucket", "count")
  SELECT r."integrationType", r."day", r."bucket", SUM(r."count")::INTEGER
  FROM (
    SELECT s.* FROM "summary_old" g, LATERAL "grant_latency_rows"(g, -1) s
  ) r
  GROUP BY 1, 2, 3 HAVING SUM(r."count") <> 0
  ORDER BY 2, 1, 3
  ON CONFLICT ("day", "integrationType", "bucket")
    DO UPDATE SET "count" = "GrantLatency"."count" + EXCLUDED."count";
  RETURN NULL;
END
$$;

CREATE TRIGGER "GrantSummary_after_insert" AFTER INSERT ON "Grant"
  REFERENCING NEW TABLE AS "summary_new"
  FOR EACH STATEMENT EXECUTE FUNCTION "grant_summary_after_insert"();
CREATE TRIGGER "GrantSummary_after_update" AFTER UPDATE ON "Grant"
  REFERENCING OLD TABLE AS "summary_old" NEW TABLE AS "summary_new"
  FOR EACH STATEMENT EXECUTE FUNCTION "grant_summary_after_update"();
CREATE TRIGGER "GrantSummary_after_delete" AFTER DELETE ON "Grant"
  REFERENCING OLD TABLE AS "summary_old"
  FOR EACH STATEMENT EXECUTE FUNCTION "grant_summary_after_delete"();

-- Backfill from the rows already there (set-based: one pass per table), so an upgraded database
-- is exact from the first request.
INSERT INTO "GrantSummary" ("dimension", "value", "detail", "count")
SELECT s."dimension", s."value", s."detail", SUM(s."count")::INTEGER
FROM (
  SELECT s.* FROM "Grant" g, LATERAL "grant_summary_rows"(g, 1) s
  UNION ALL SELECT 'total', '', '', COUNT(*)::INTEGER FROM "Grant"
) s
GROUP BY 1, 2, 3 HAVING SUM(s."count") <> 0;

INSERT INTO "GrantDaily" ("metric", "key", "day", "count")
SELECT s."metric", s."key", s."day", SUM(s."count")::INTEGER
FROM "Grant" g, LATERAL "grant_daily_rows"(g, 1) s
GROUP BY 1, 2, 3;

INSERT INTO "GrantLatency" ("integrationType", "day", "bucket", "count")
SELECT s."integrationType", s."day", s."bucket", SUM(s."count")::INTEGER
FROM "Grant" g, LATERAL "grant_latency_rows"(g, 1) s
GROUP BY 1, 2, 3;
