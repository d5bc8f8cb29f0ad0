// The overview's numbers, read from the trigger-kept summaries (docs/summaries.md): totals and
// per-day series from counters, medians from the latency histogram. The figures over windows that
// are not whole days are index range counts bounded by the window's own rows, never a table scan.
import "server-only";
import { getDb } from "@/lib/db";
import { lastDays, startOfWindow } from "@/lib/grants/daily-buckets";
import { histogramMedian } from "@/lib/grants/latency-histogram";
import { grantListSelect } from "@/lib/grants/queries/list-grants";
import { withNames } from "@/lib/grants/queries/with-names";
import {
  countAllGrants,
  countAllGrantsByStatus,
  readDaily,
  readLatencyHistogram,
  type DailyMetric,
} from "@/lib/grants/queries/read-summaries";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export async function getOverviewStats(viewer: Viewer, now = new Date()) {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const [total, byStatus, pendingLastHour, failed24h, failed7d, revoked7d] = await Promise.all([
    countAllGrants(viewer),
    countAllGrantsByStatus(viewer),
    // Pending for over an hour = every Pending grant minus those created within the hour.
    db.grant.count({ where: { status: "Pending", createdAt: { gte: ago(HOUR_MS) } } }),
    db.grant.count({ where: { status: "Failed", updatedAt: { gte: ago(DAY_MS) } } }),
    db.grant.count({ where: { status: "Failed", updatedAt: { gte: ago(7 * DAY_MS) } } }),
    db.grant.count({ where: { status: "Revoked", revokedAt: { gte: ago(7 * DAY_MS) } } }),
  ]);
  const delivered = byStatus.Delivered ?? 0;
  return {
    total,
    delivered,
    deliveredShare: total ? delivered / total : null,
    pendingOverHour: (byStatus.Pending ?? 0) - pendingLastHour,
    failed24h,
    failed7d,
    revoked7d,
  };
}

/** One counter per day of `days`, summed over the metric's keys. */
async function seriesOf(viewer: Viewer, metric: DailyMetric, days: string[]) {
  const index = new Map(days.map((day, i) => [day, i]));
  const counts = new Array<number>(days.length).fill(0);
  for (const row of await readDaily(viewer, metric, days[0]!)) {
    const i = index.get(row.day);
    if (i !== undefined) counts[i]! += row.count;
  }
  return counts;
}

export async function getDailySeries(viewer: Viewer, days = 30, now = new Date()) {
  const dayList = lastDays(days, now);
  const [created, delivered, failed, revoked] = await Promise.all([
    seriesOf(viewer, "created", dayList),
    seriesOf(viewer, "delivered", dayList),
    seriesOf(viewer, "failed", dayList),
    seriesOf(viewer, "revoked_at", dayList),
  ]);
  return { days: dayList, created, delivered, failed, revoked };
}

/**
 * Median created → delivered time per integration type, over grants delivered in the window,
 * from the latency histogram: approximate, within a factor MEDIAN_RESOLUTION_RATIO
 * of lib/grants/latency-histogram.ts (±9%).
 */
export async function getDeliveryMedians(viewer: Viewer, days = 30, now = new Date()) {
  const since = startOfWindow(days, now).toISOString().slice(0, 10);
  const byType = new Map<string, Map<number, number>>();
  for (const row of await readLatencyHistogram(viewer, since)) {
    const buckets = byType.get(row.integrationType) ?? new Map<number, number>();
    buckets.set(row.bucket, (buckets.get(row.bucket) ?? 0) + row.count);
    byType.set(row.integrationType, buckets);
  }
  return [...byType.entries()]
    .map(([integrationType, buckets]) => ({
      integrationType,
      medianMs: histogramMedian(buckets)!,
      count: [...buckets.values()].reduce((sum, n) => sum + n, 0),
    }))
    .filter((m) => m.count > 0)
    .sort((a, b) => b.medianMs - a.medianMs);
}

export async function listLatestFailures(viewer: Viewer, limit = 5) {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const rows = await db.grant.findMany({
    where: { status: "Failed" },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: grantListSelect,
  });
  return withNames(db, rows);
}
