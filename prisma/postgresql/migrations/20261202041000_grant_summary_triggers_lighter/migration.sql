-- Lighter summary triggers on PostgreSQL (docs/summaries.md, "How they are kept"). Same counts,
-- same tables, same lock order; less work per statement. The rows a grant contributes are still
-- those of "grant_summary_rows", "grant_daily_rows" and "grant_latency_rows" (20261201230000,
-- whose backfill lib/grants/rebuild-summaries.ts runs), so there is still one definition.
--
-- 1. Return at once when the transition table is empty. A multi-row upsert fires both the INSERT
--    and the UPDATE statement triggers whatever it did: a batch of new grants fires the UPDATE
--    one with no rows, a batch of duplicates (whose conditional upsert writes nothing) fires both
--    with no rows. Each used to run three INSERT … SELECT … ON CONFLICT over nothing.
-- 2. An UPDATE pairs each old row with its new row by id and, per summary table, skips the pairs
--    whose counted columns are equal: their contributions are equal and net to zero, so skipping
--    them is exact. A re-sync or a newer snapshot that only moves "updatedAt" (of a grant that is
--    not Failed), metadata or the license key costs the join, not three function expansions and
--    aggregations per row. A row whose id changed has no partner and counts in full (-old, +new).
-- No schema change (functions only), so models.prisma and SQLite are untouched.

CREATE OR REPLACE FUNCTION "grant_summary_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "summary_new") THEN
    RETURN NULL;
  END IF;

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

-- The column lists compared below are exactly what each *_rows function reads (the Failed day of
-- "updatedAt" only while the grant is Failed): if a list is equal, so are the contributions.
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
  WHERE (o."status", o."integrationType", o."businessId", o."revocationReason", o."errorCode")
    IS DISTINCT FROM
    (n."status", n."integrationType", n."businessId", n."revocationReason", n."errorCode")
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

CREATE OR REPLACE FUNCTION "grant_summary_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "summary_old") THEN
    RETURN NULL;
  END IF;

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
