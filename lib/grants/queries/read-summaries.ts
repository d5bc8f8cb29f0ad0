// Reads the exact counters that triggers on Grant keep in GrantSummary, GrantDaily and
// GrantLatency (docs/summaries.md). Each read is one indexed range of a table that has a row per
// distinct value (per day), never per grant.
import "server-only";
import { getDb } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

export type SummaryDimension =
  | "total"
  | "status"
  | "status_integration"
  | "integration"
  | "business"
  | "reason"
  | "error_code"
  | "status_error_code"
  | "status_reason"
  | "status_business"
  | "status_entitlement";

export type SummaryRow = { value: string; detail: string; count: number };

export type DailyMetric = "created" | "delivered" | "revoked_at" | "failed" | "revoked";

/** Every non-zero counter of one dimension (a counter that fell to 0 stays as a row). */
export async function readSummary(
  viewer: Viewer,
  dimension: SummaryDimension,
  value?: string,
): Promise<SummaryRow[]> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  return db.grantSummary.findMany({
    where: { dimension, ...(value === undefined ? {} : { value }), count: { not: 0 } },
    select: { value: true, detail: true, count: true },
    orderBy: [{ value: "asc" }, { detail: "asc" }],
  });
}

/** Every non-zero counter of several dimensions, in one read. */
export async function readSummaries(
  viewer: Viewer,
  dimensions: SummaryDimension[],
): Promise<(SummaryRow & { dimension: string })[]> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  return db.grantSummary.findMany({
    where: { dimension: { in: dimensions }, count: { not: 0 } },
    select: { dimension: true, value: true, detail: true, count: true },
  });
}

/** One dimension's counters for one `detail` (e.g. every status of one business). */
export async function readSummaryByDetail(
  viewer: Viewer,
  dimension: SummaryDimension,
  detail: string,
): Promise<SummaryRow[]> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  return db.grantSummary.findMany({
    where: { dimension, detail, count: { not: 0 } },
    select: { value: true, detail: true, count: true },
  });
}

/** Grants per status with no other filter: the status tabs' counts for the unfiltered list. */
export async function countAllGrantsByStatus(viewer: Viewer): Promise<Record<string, number>> {
  const rows = await readSummary(viewer, "status");
  return Object.fromEntries(rows.map((row) => [row.value, row.count]));
}

export async function countAllGrants(viewer: Viewer): Promise<number> {
  const [row] = await readSummary(viewer, "total");
  return row?.count ?? 0;
}

/** One metric's non-zero per-day counters from `sinceDay` (YYYY-MM-DD, UTC) on. */
export async function readDaily(
  viewer: Viewer,
  metric: DailyMetric,
  sinceDay: string,
): Promise<{ key: string; day: string; count: number }[]> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  return db.grantDaily.findMany({
    where: { metric, day: { gte: sinceDay }, count: { not: 0 } },
    select: { key: true, day: true, count: true },
  });
}

/** The delivery-latency histogram's non-zero buckets from `sinceDay` on. */
export async function readLatencyHistogram(
  viewer: Viewer,
  sinceDay: string,
): Promise<{ integrationType: string; bucket: number; count: number }[]> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  return db.grantLatency.findMany({
    where: { day: { gte: sinceDay }, count: { not: 0 } },
    select: { integrationType: true, bucket: true, count: true },
  });
}
