// The overview and group readers as they were before the summaries (main before #13 item 4): full
// reads of Grant, exact. Tests compare the summary-backed readers with these on small data.
import { countPerDay, lastDays, median, startOfWindow } from "@/lib/grants/daily-buckets";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

async function db() {
  const { getDb } = await import("@/lib/db");
  return getDb();
}

export async function getOverviewStats(now: Date) {
  const d = await db();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const [total, delivered, pendingOverHour, failed24h, failed7d, revoked7d] = await Promise.all([
    d.grant.count(),
    d.grant.count({ where: { status: "Delivered" } }),
    d.grant.count({ where: { status: "Pending", createdAt: { lt: ago(HOUR_MS) } } }),
    d.grant.count({ where: { status: "Failed", updatedAt: { gte: ago(DAY_MS) } } }),
    d.grant.count({ where: { status: "Failed", updatedAt: { gte: ago(7 * DAY_MS) } } }),
    d.grant.count({ where: { status: "Revoked", revokedAt: { gte: ago(7 * DAY_MS) } } }),
  ]);
  const deliveredShare = total ? delivered / total : null;
  return { total, delivered, deliveredShare, pendingOverHour, failed24h, failed7d, revoked7d };
}

export async function getDailySeries(days: number, now: Date) {
  const d = await db();
  const since = startOfWindow(days, now);
  const rows = await d.grant.findMany();
  const dayList = lastDays(days, now);
  const series = (dates: (Date | null)[]) =>
    countPerDay(
      dates.filter((x): x is Date => x !== null && x >= since),
      dayList,
    );
  return {
    days: dayList,
    created: series(rows.map((r) => r.createdAt)),
    delivered: series(rows.map((r) => r.deliveredAt)),
    failed: series(rows.filter((r) => r.status === "Failed").map((r) => r.updatedAt)),
    revoked: series(rows.map((r) => r.revokedAt)),
  };
}

export async function getDeliveryMedians(days: number, now: Date) {
  const d = await db();
  const rows = await d.grant.findMany({
    where: { deliveredAt: { gte: startOfWindow(days, now) } },
  });
  const byType = new Map<string, number[]>();
  for (const row of rows) {
    const ms = row.deliveredAt!.getTime() - row.createdAt.getTime();
    if (ms >= 0) byType.set(row.integrationType, [...(byType.get(row.integrationType) ?? []), ms]);
  }
  return [...byType].map(([integrationType, values]) => ({
    integrationType,
    medianMs: median(values)!,
    count: values.length,
  }));
}

type Row = { id: string; key: string | null; at: Date | null; updatedAt: Date };

function groupsOf(rows: Row[], now: Date) {
  const days = lastDays(30, now);
  const since = startOfWindow(30, now);
  const keys = [...new Set(rows.map((r) => r.key))];
  const groups = keys.map((key) => {
    const mine = rows.filter((r) => r.key === key);
    const times = mine.flatMap((r) => (r.at ? [r.at.getTime()] : []));
    const examples = [...mine]
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? 1 : -1))
      .slice(0, 3);
    return {
      key: key ?? "",
      count: mine.length,
      firstSeen: times.length ? new Date(Math.min(...times)) : null,
      lastSeen: times.length ? new Date(Math.max(...times)) : null,
      trend: countPerDay(
        mine.flatMap((r) => (r.at && r.at >= since ? [r.at] : [])),
        days,
      ),
      examples: examples.map((e) => e.id),
    };
  });
  return { days, groups: groups.sort((a, b) => b.count - a.count) };
}

export async function groupFailures(now: Date) {
  const rows = await (await db()).grant.findMany({ where: { status: "Failed" } });
  return groupsOf(
    rows.map((r) => ({ id: r.id, key: r.errorCode, at: r.updatedAt, updatedAt: r.updatedAt })),
    now,
  );
}

export async function groupRevocations(now: Date) {
  const rows = await (await db()).grant.findMany({ where: { status: "Revoked" } });
  return groupsOf(
    rows.map((r) => ({
      id: r.id,
      key: r.revocationReason,
      at: r.revokedAt,
      updatedAt: r.updatedAt,
    })),
    now,
  );
}
