// An entitlement's recent health, from its trigger-kept counters by UTC day of creation
// (EntitlementDaily, EntitlementLatency; docs/summaries.md): of the grants created in a window
// (a cohort), how many failed and with which codes, and how long the delivered ones took. A window
// of N days is today and the N - 1 UTC days before it, as the overview's daily series.
import { lastDays } from "@/lib/grants/daily-buckets";
import { histogramMedian } from "@/lib/grants/latency-histogram";

/** An EntitlementDaily row: metric "created" (key "") or "failed" (key = error code, "" none). */
export type DailyCount = { day: string; metric: string; key: string; count: number };
/** An EntitlementLatency row: delivered grants created that day, by latency bucket. */
export type LatencyCount = { day: string; bucket: number; count: number };

export type WindowStats = {
  days: number;
  created: number;
  failed: number;
  /** failed / created; null with no grant created in the window. */
  failureRate: number | null;
  /** Failed grants by code, most first ('' = no code sent). */
  topErrorCodes: { code: string; count: number }[];
  /** Created → delivered, in ms, of the window's delivered grants (within the histogram's ±9 %). */
  medianDeliveryMs: number | null;
};

const TOP_CODES = 5;

/** The stats of the grants created in the last `days` UTC days up to `now`'s. */
export function windowStats(
  daily: DailyCount[],
  latency: LatencyCount[],
  days: number,
  now: Date,
): WindowStats {
  const window = lastDays(days, now);
  const first = window[0]!;
  const last = window.at(-1)!;
  const inWindow = ({ day }: { day: string }) => day >= first && day <= last;
  let created = 0;
  const codes = new Map<string, number>();
  for (const row of daily.filter(inWindow)) {
    if (row.metric === "created") created += row.count;
    else if (row.metric === "failed") codes.set(row.key, (codes.get(row.key) ?? 0) + row.count);
  }
  const buckets = new Map<number, number>();
  for (const row of latency.filter(inWindow))
    buckets.set(row.bucket, (buckets.get(row.bucket) ?? 0) + row.count);
  const failed = [...codes.values()].reduce((a, b) => a + b, 0);
  return {
    days,
    created,
    failed,
    failureRate: created ? failed / created : null,
    topErrorCodes: [...codes]
      .filter(([, count]) => count > 0)
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
      .slice(0, TOP_CODES),
    medianDeliveryMs: histogramMedian(buckets),
  };
}
