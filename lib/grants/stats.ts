// The overview's numbers. Counts come from indexed queries; the daily series and medians read
// only the timestamps of the last 30 days and bucket them in lib/grants/daily-buckets.ts.
import "server-only";
import { getDb } from "@/lib/db";
import { countPerDay, lastDays, median, startOfWindow } from "./daily-buckets";
import { grantListSelect } from "./list-grants";
import { countAllGrants, countAllGrantsByStatus } from "./summaries";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export async function getOverviewStats(viewer: Viewer, now = new Date()) {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const [total, delivered, pendingOverHour, failed24h, failed7d, revoked7d] = await Promise.all([
    countAllGrants(viewer),
    countAllGrantsByStatus(viewer).then((byStatus) => byStatus.Delivered ?? 0),
    db.grant.count({ where: { status: "Pending", createdAt: { lt: ago(HOUR_MS) } } }),
    db.grant.count({ where: { status: "Failed", updatedAt: { gte: ago(DAY_MS) } } }),
    db.grant.count({ where: { status: "Failed", updatedAt: { gte: ago(7 * DAY_MS) } } }),
    db.grant.count({ where: { status: "Revoked", revokedAt: { gte: ago(7 * DAY_MS) } } }),
  ]);
  return {
    total,
    delivered,
    deliveredShare: total ? delivered / total : null,
    pendingOverHour,
    failed24h,
    failed7d,
    revoked7d,
  };
}

export async function getDailySeries(viewer: Viewer, days = 30, now = new Date()) {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const since = startOfWindow(days, now);
  const [created, delivered, failed, revoked] = await Promise.all([
    db.grant.findMany({ where: { createdAt: { gte: since } }, select: { createdAt: true } }),
    db.grant.findMany({ where: { deliveredAt: { gte: since } }, select: { deliveredAt: true } }),
    db.grant.findMany({
      where: { status: "Failed", updatedAt: { gte: since } },
      select: { updatedAt: true },
    }),
    db.grant.findMany({ where: { revokedAt: { gte: since } }, select: { revokedAt: true } }),
  ]);
  const dayList = lastDays(days, now);
  return {
    days: dayList,
    created: countPerDay(
      created.map((r) => r.createdAt),
      dayList,
    ),
    delivered: countPerDay(
      delivered.map((r) => r.deliveredAt!),
      dayList,
    ),
    failed: countPerDay(
      failed.map((r) => r.updatedAt),
      dayList,
    ),
    revoked: countPerDay(
      revoked.map((r) => r.revokedAt!),
      dayList,
    ),
  };
}

/** Median created → delivered time per integration type, over grants delivered in the window. */
export async function getDeliveryMedians(viewer: Viewer, days = 30, now = new Date()) {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const rows = await db.grant.findMany({
    where: { deliveredAt: { gte: startOfWindow(days, now) } },
    select: { integrationType: true, createdAt: true, deliveredAt: true },
  });
  const byType = new Map<string, number[]>();
  for (const row of rows) {
    const ms = row.deliveredAt!.getTime() - row.createdAt.getTime();
    if (ms < 0) continue;
    byType.set(row.integrationType, [...(byType.get(row.integrationType) ?? []), ms]);
  }
  return [...byType.entries()]
    .map(([integrationType, values]) => ({
      integrationType,
      medianMs: median(values)!,
      count: values.length,
    }))
    .sort((a, b) => b.medianMs - a.medianMs);
}

export async function listLatestFailures(viewer: Viewer, limit = 5) {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  return db.grant.findMany({
    where: { status: "Failed" },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: grantListSelect,
  });
}
