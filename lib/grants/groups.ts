// Failed grants by error code and revoked grants by reason: where support starts. Each group has
// its count, first and last seen, a 30-day trend and a few example grants.
import "server-only";
import { getDb } from "@/lib/db";
import { countPerDay, lastDays, startOfWindow } from "./daily-buckets";

export type GrantGroup = { key: string; count: number; firstSeen: Date | null; lastSeen: Date | null; trend: number[]; examples: string[] };

const TREND_DAYS = 30;
const EXAMPLES = 3;

export async function groupFailures(now = new Date()): Promise<{ days: string[]; groups: GrantGroup[] }> {
  const db = await getDb();
  const groups = await db.grant.groupBy({
    by: ["errorCode"],
    where: { status: "Failed" },
    _count: { _all: true },
    _min: { updatedAt: true },
    _max: { updatedAt: true },
  });
  const since = startOfWindow(TREND_DAYS, now);
  const recent = await db.grant.findMany({ where: { status: "Failed", updatedAt: { gte: since } }, select: { errorCode: true, updatedAt: true } });
  const days = lastDays(TREND_DAYS, now);
  const result = await Promise.all(
    groups.map(async (group) => {
      const examples = await db.grant.findMany({ where: { status: "Failed", errorCode: group.errorCode }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], take: EXAMPLES, select: { id: true } });
      return {
        key: group.errorCode ?? "",
        count: group._count._all,
        firstSeen: group._min.updatedAt,
        lastSeen: group._max.updatedAt,
        trend: countPerDay(recent.filter((r) => r.errorCode === group.errorCode).map((r) => r.updatedAt), days),
        examples: examples.map((e) => e.id),
      };
    }),
  );
  return { days, groups: result.sort((a, b) => b.count - a.count) };
}

export async function groupRevocations(now = new Date()): Promise<{ days: string[]; groups: GrantGroup[] }> {
  const db = await getDb();
  const groups = await db.grant.groupBy({
    by: ["revocationReason"],
    where: { status: "Revoked" },
    _count: { _all: true },
    _min: { revokedAt: true },
    _max: { revokedAt: true },
  });
  const since = startOfWindow(TREND_DAYS, now);
  const recent = await db.grant.findMany({ where: { status: "Revoked", revokedAt: { gte: since } }, select: { revocationReason: true, revokedAt: true } });
  const days = lastDays(TREND_DAYS, now);
  const result = await Promise.all(
    groups.map(async (group) => {
      const examples = await db.grant.findMany({ where: { status: "Revoked", revocationReason: group.revocationReason }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], take: EXAMPLES, select: { id: true } });
      return {
        key: group.revocationReason ?? "",
        count: group._count._all,
        firstSeen: group._min.revokedAt,
        lastSeen: group._max.revokedAt,
        trend: countPerDay(recent.filter((r) => r.revocationReason === group.revocationReason).map((r) => r.revokedAt!), days),
        examples: examples.map((e) => e.id),
      };
    }),
  );
  return { days, groups: result.sort((a, b) => b.count - a.count) };
}
