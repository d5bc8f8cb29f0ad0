// Failed grants by error code and revoked grants by reason: where support starts. Each group has
// its count, first and last seen, a 30-day trend and a few example grants. Counts come from the
// trigger-kept summaries, trends from the per-day counters (docs/summaries.md); first/last seen
// and the examples are index seeks per group: (status, errorCode, updatedAt, id) for failures,
// (status, revocationReason, revokedAt, id) for revocations.
import "server-only";
import { getDb } from "@/lib/db";
import { lastDays } from "@/lib/grants/daily-buckets";
import {
  readDaily,
  readSummary,
  type DailyMetric,
  type SummaryDimension,
} from "@/lib/grants/queries/read-summaries";
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

type Seeks = {
  first: (key: string | null) => Promise<Date | null>;
  /** The latest examples, newest first, with the moment they were last seen. */
  latest: (key: string | null) => Promise<{ id: string; at: Date | null }[]>;
};

/** Shared by both views: counts and trends from the summaries, seeks per group, biggest first. */
async function assembleGroups(
  viewer: Viewer,
  scope: { dimension: SummaryDimension; status: string; metric: DailyMetric },
  seeks: Seeks,
  now: Date,
) {
  const days = lastDays(TREND_DAYS, now);
  const [counts, daily] = await Promise.all([
    readSummary(viewer, scope.dimension, scope.status),
    readDaily(viewer, scope.metric, days[0]!),
  ]);
  const dayIndex = new Map(days.map((day, i) => [day, i]));
  const groups = await Promise.all(
    counts.map(async ({ detail: key, count }) => {
      // The summaries key a missing code or reason as ''.
      const column = key === "" ? null : key;
      const trend = new Array<number>(days.length).fill(0);
      for (const row of daily) {
        const i = dayIndex.get(row.day);
        if (row.key === key && i !== undefined) trend[i]! += row.count;
      }
      const [firstSeen, latest] = await Promise.all([seeks.first(column), seeks.latest(column)]);
      return {
        key,
        count,
        firstSeen,
        lastSeen: latest[0]?.at ?? null,
        trend,
        examples: latest.map((e) => e.id),
      };
    }),
  );
  return { days, groups: groups.sort((a, b) => b.count - a.count) };
}

export async function groupFailures(
  viewer: Viewer,
  now = new Date(),
): Promise<{ days: string[]; groups: GrantGroup[] }> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const where = (errorCode: string | null) => ({ status: "Failed", errorCode });
  return assembleGroups(
    viewer,
    { dimension: "status_error_code", status: "Failed", metric: "failed" },
    {
      first: async (errorCode) =>
        (
          await db.grant.findFirst({
            where: where(errorCode),
            orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
            select: { updatedAt: true },
          })
        )?.updatedAt ?? null,
      latest: async (errorCode) =>
        (
          await db.grant.findMany({
            where: where(errorCode),
            orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
            take: EXAMPLES,
            select: { id: true, updatedAt: true },
          })
        ).map((row) => ({ id: row.id, at: row.updatedAt })),
    },
    now,
  );
}

export async function groupRevocations(
  viewer: Viewer,
  now = new Date(),
): Promise<{ days: string[]; groups: GrantGroup[] }> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const where = (revocationReason: string | null) => ({
    status: "Revoked",
    revocationReason,
    revokedAt: { not: null },
  });
  return assembleGroups(
    viewer,
    { dimension: "status_reason", status: "Revoked", metric: "revoked" },
    {
      first: async (revocationReason) =>
        (
          await db.grant.findFirst({
            where: where(revocationReason),
            orderBy: [{ revokedAt: "asc" }, { id: "asc" }],
            select: { revokedAt: true },
          })
        )?.revokedAt ?? null,
      // The most recently revoked (by revokedAt, which the index orders), not the most recently
      // updated: a seek, where an updatedAt order would sort the whole group.
      latest: async (revocationReason) =>
        (
          await db.grant.findMany({
            where: where(revocationReason),
            orderBy: [{ revokedAt: "desc" }, { id: "desc" }],
            take: EXAMPLES,
            select: { id: true, revokedAt: true },
          })
        ).map((row) => ({ id: row.id, at: row.revokedAt })),
    },
    now,
  );
}
