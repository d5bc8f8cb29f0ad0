import { describe, expect, it } from "vitest";
import { windowStats, type DailyCount, type LatencyCount } from "@/lib/entitlements/window-stats";
import { bucketOf, MEDIAN_RESOLUTION_RATIO } from "@/lib/grants/latency-histogram";

const NOW = new Date("2026-12-03T12:00:00Z");

const created = (day: string, count: number): DailyCount => ({
  day,
  metric: "created",
  key: "",
  count,
});
const failed = (day: string, key: string, count: number): DailyCount => ({
  day,
  metric: "failed",
  key,
  count,
});
const delivered = (day: string, ms: number, count = 1): LatencyCount => ({
  day,
  bucket: bucketOf(ms),
  count,
});

describe("windowStats", () => {
  it("counts the grants created today and the days before it, no further", () => {
    const daily = [
      created("2026-12-03", 1),
      failed("2026-12-03", "a", 1),
      created("2026-11-27", 1), // 6 days before today: the 7-day window's first day
      created("2026-11-26", 1),
      failed("2026-11-26", "a", 1),
      created("2026-12-04", 5), // a clock ahead of ours: not in any window yet
    ];
    expect(windowStats(daily, [], 7, NOW)).toMatchObject({
      created: 2,
      failed: 1,
      failureRate: 0.5,
    });
    expect(windowStats(daily, [], 30, NOW)).toMatchObject({ created: 3, failed: 2 });
  });

  it("ranks error codes by count, then by code; a missing code is ''", () => {
    const daily = [
      created("2026-12-02", 5),
      failed("2026-12-02", "b", 1),
      failed("2026-12-01", "b", 1),
      failed("2026-12-02", "a", 1),
      failed("2026-12-02", "", 1),
      // A counter that went back to zero (the grant failed, then was delivered) lists nothing.
      failed("2026-12-02", "c", 0),
    ];
    expect(windowStats(daily, [], 7, NOW).topErrorCodes).toEqual([
      { code: "b", count: 2 },
      { code: "", count: 1 },
      { code: "a", count: 1 },
    ]);
  });

  it("takes the median delivery from the histogram, within its resolution", () => {
    const latency = [
      delivered("2026-12-02", 1_000),
      delivered("2026-12-01", 2_000),
      delivered("2026-11-30", 3_000),
      delivered("2026-10-01", 900_000), // outside both windows
    ];
    const median = windowStats([], latency, 7, NOW).medianDeliveryMs!;
    expect(median).toBeGreaterThanOrEqual(2_000 / MEDIAN_RESOLUTION_RATIO);
    expect(median).toBeLessThanOrEqual(2_000 * MEDIAN_RESOLUTION_RATIO);
    // Counts weigh: nine fast deliveries and one slow one have a fast median.
    const weighted = windowStats(
      [],
      [delivered("2026-12-02", 100, 9), delivered("2026-12-02", 60_000)],
      7,
      NOW,
    );
    expect(weighted.medianDeliveryMs).toBeLessThan(200);
  });

  it("has no rate and no median for an empty window", () => {
    expect(windowStats([created("2026-10-01", 3)], [], 7, NOW)).toEqual({
      days: 7,
      created: 0,
      failed: 0,
      failureRate: null,
      topErrorCodes: [],
      medianDeliveryMs: null,
    });
  });
});
