-- CreateTable
CREATE TABLE "GrantSummary" (
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GrantSummary_pkey" PRIMARY KEY ("dimension","value","detail")
);

-- The summaries are kept by triggers so every write to "Grant" (webhook stores, sync, reprocessing,
-- any SQL) updates them in its own transaction. Statement-level triggers with transition tables:
-- one multi-row upsert of "Grant" makes one upsert of the counters, net of its rows, in key order,
-- so concurrent transactions lock counter rows in the same order (no deadlock between them).
CREATE FUNCTION "grant_summary_rows"(g "Grant", n INTEGER)
RETURNS TABLE ("dimension" TEXT, "value" TEXT, "detail" TEXT, "count" INTEGER)
LANGUAGE sql IMMUTABLE AS $$
  SELECT d.* FROM (VALUES
    ('status', g."status", '', n),
    ('status_integration', g."status", g."integrationType", n),
    ('integration', g."integrationType", '', n),
    ('business', g."businessId", '', n),
    ('reason', g."revocationReason", '', n),
    ('error_code', g."errorCode", '', n)
  ) AS d("dimension", "value", "detail", "count")
  WHERE d."value" IS NOT NULL
$$;

CREATE FUNCTION "grant_summary_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "GrantSummary" ("dimension", "value", "detail", "count")
  SELECT r."dimension", r."value", r."detail", SUM(r."count")::INTEGER
  FROM (
    SELECT s.* FROM "summary_new" g, LATERAL "grant_summary_rows"(g, 1) s
    UNION ALL SELECT 'total', '', '', COUNT(*)::INTEGER FROM "summary_new"
  ) r
  GROUP BY 1, 2, 3 HAVING SUM(r."count") <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ("dimension", "value", "detail")
    DO UPDATE SET "count" = "GrantSummary"."count" + EXCLUDED."count";
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
  RETURN NULL;
END
$$;

CREATE FUNCTION "grant_summary_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "GrantSummary" ("dimension", "value", "detail", "count")
  SELECT r."dimension", r."value", r."detail", SUM(r."count")::INTEGER
  FROM (
    SELECT s.* FROM "summary_old" g, LATERAL "grant_summary_rows"(g, -1) s
    UNION ALL SELECT 'total', '', '', -COUNT(*)::INTEGER FROM "summary_old"
  ) r
  GROUP BY 1, 2, 3 HAVING SUM(r."count") <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ("dimension", "value", "detail")
    DO UPDATE SET "count" = "GrantSummary"."count" + EXCLUDED."count";
  RETURN NULL;
END
$$;

-- Transition tables allow one event per trigger, hence three.
CREATE TRIGGER "GrantSummary_after_insert" AFTER INSERT ON "Grant"
  REFERENCING NEW TABLE AS "summary_new"
  FOR EACH STATEMENT EXECUTE FUNCTION "grant_summary_after_insert"();
CREATE TRIGGER "GrantSummary_after_update" AFTER UPDATE ON "Grant"
  REFERENCING OLD TABLE AS "summary_old" NEW TABLE AS "summary_new"
  FOR EACH STATEMENT EXECUTE FUNCTION "grant_summary_after_update"();
CREATE TRIGGER "GrantSummary_after_delete" AFTER DELETE ON "Grant"
  REFERENCING OLD TABLE AS "summary_old"
  FOR EACH STATEMENT EXECUTE FUNCTION "grant_summary_after_delete"();

-- Backfill from the rows already there, so an upgraded database is exact from the first request.
INSERT INTO "GrantSummary" ("dimension", "value", "detail", "count")
SELECT s."dimension", s."value", s."detail", SUM(s."count")::INTEGER
FROM (
  SELECT s.* FROM "Grant" g, LATERAL "grant_summary_rows"(g, 1) s
  UNION ALL SELECT 'total', '', '', COUNT(*)::INTEGER FROM "Grant"
) s
GROUP BY 1, 2, 3 HAVING SUM(s."count") <> 0;
