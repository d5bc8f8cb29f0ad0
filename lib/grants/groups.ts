// Failed grants by error code and revoked grants by reason: where support starts. Each group has
// its count, first and last seen, a 30-day trend and a few example grants.
import "server-only";
import { getDb } from "@/lib/db";
import { countPerDay, lastDays, startOfWindow } from "./daily-buckets";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

export type GrantGroup = {
  key: string;
  count: number;
  firstSeen: Date | null;
  lastSeen: Date | null;
  trend: number[];
  examples: string[];
};

const TREND_DAYS = 30;
const EXAMPLES = 3;

type GroupRow = { key: string | null; count: number; first: Date | null; last: Date | null };

/** Shared by both views: trends from the recent rows, examples per group, biggest group first. */
async function assembleGroups(
  rows: GroupRow[],
  recent: { key: string | null; at: Date }[],
  examplesOf: (key: string | null) => Promise<{ id: string }[]>,
  days: string[],
) {
  const groups = await Promise.all(
    rows.map(async (row) => ({
      key: row.key ?? "",
      count: row.count,
      firstSeen: row.first,
      lastSeen: row.last,
      trend: countPerDay(
        recent.filter((r) => r.key === row.key).map((r) => r.at),
        days,
      ),
      examples: (await examplesOf(row.key)).map((e) => e.id),
    })),
  );
  return { days, groups: groups.sort((a, b) => b.count - a.count) };
}

export async function groupFailures(
  viewer: Viewer,
  now = new Date(),
): Promise<{ days: string[]; groups: GrantGroup[] }> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const where = { status: "Failed" };
  const [groups, recent] = await Promise.all([
    db.grant.groupBy({
      by: ["errorCode"],
      where,
      _count: { _all: true },
      _min: { updatedAt: true },
      _max: { updatedAt: true },
    }),
    db.grant.findMany({
      where: { ...where, updatedAt: { gte: startOfWindow(TREND_DAYS, now) } },
      select: { errorCode: true, updatedAt: true },
    }),
  ]);
  return assembleGroups(
    groups.map((g) => ({
      key: g.errorCode,
      count: g._count._all,
      first: g._min.updatedAt,
      last: g._max.updatedAt,
    })),
    recent.map((r) => ({ key: r.errorCode, at: r.updatedAt })),
    (errorCode) =>
      db.grant.findMany({
        where: { ...where, errorCode },
        orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
        take: EXAMPLES,
        select: { id: true },
      }),
    lastDays(TREND_DAYS, now),
  );
}

export async function groupRevocations(
  viewer: Viewer,
  now = new Date(),
): Promise<{ days: string[]; groups: GrantGroup[] }> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const where = { status: "Revoked" };
  const [groups, recent] = await Promise.all([
    db.grant.groupBy({
      by: ["revocationReason"],
      where,
      _count: { _all: true },
      _min: { revokedAt: true },
      _max: { revokedAt: true },
    }),
    db.grant.findMany({
      where: { ...where, revokedAt: { gte: startOfWindow(TREND_DAYS, now) } },
      select: { revocationReason: true, revokedAt: true },
    }),
  ]);
  return assembleGroups(
    groups.map((g) => ({
      key: g.revocationReason,
      count: g._count._all,
      first: g._min.revokedAt,
      last: g._max.revokedAt,
    })),
    recent.map((r) => ({ key: r.revocationReason, at: r.revokedAt! })),
    (revocationReason) =>
      db.grant.findMany({
        where: { ...where, revocationReason },
        orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
        take: EXAMPLES,
        select: { id: true },
      }),
    lastDays(TREND_DAYS, now),
  );
}
