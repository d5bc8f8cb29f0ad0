import { describe, expect, it } from "vitest";
import { windowStats, type WindowGrant } from "@/lib/entitlements/window-stats";

const NOW = new Date("2026-12-03T12:00:00Z");
const DAY = 86_400_000;

function grant(daysAgo: number, status: string, extra: Partial<WindowGrant> = {}): WindowGrant {
  const createdAt = new Date(NOW.getTime() - daysAgo * DAY);
  return { status, errorCode: null, createdAt, deliveredAt: null, ...extra };
}
const delivered = (daysAgo: number, ms: number) =>
  grant(daysAgo, "Delivered", { deliveredAt: new Date(NOW.getTime() - daysAgo * DAY + ms) });

describe("windowStats", () => {
  it("counts only the grants created in the window", () => {
    const grants = [
      grant(1, "Failed", { errorCode: "a" }),
      grant(6.9, "Pending"),
      grant(7.1, "Failed", { errorCode: "a" }),
    ];
    expect(windowStats(grants, 7, NOW)).toMatchObject({ created: 2, failed: 1, failureRate: 0.5 });
    expect(windowStats(grants, 30, NOW)).toMatchObject({ created: 3, failed: 2 });
  });

  it("ranks error codes by count, then by code; a missing code is ''", () => {
    const grants = [
      grant(1, "Failed", { errorCode: "b" }),
      grant(1, "Failed", { errorCode: "a" }),
      grant(1, "Failed"),
      grant(1, "Failed", { errorCode: "b" }),
      // A delivered grant keeping an old code is not a failure.
      grant(1, "Delivered", { errorCode: "c" }),
    ];
    expect(windowStats(grants, 7, NOW).topErrorCodes).toEqual([
      { code: "b", count: 2 },
      { code: "", count: 1 },
      { code: "a", count: 1 },
    ]);
  });

  it("takes the exact median delivery, ignoring negative latencies", () => {
    const grants = [delivered(1, 1_000), delivered(2, 3_000), delivered(3, -5_000)];
    expect(windowStats(grants, 7, NOW).medianDeliveryMs).toBe(2_000);
    // A grant revoked after delivery still counts its delivery time.
    const revoked = grant(1, "Revoked", { deliveredAt: new Date(NOW.getTime() - DAY + 9_000) });
    expect(windowStats([...grants, revoked], 7, NOW).medianDeliveryMs).toBe(3_000);
  });

  it("has no rate and no median for an empty window", () => {
    expect(windowStats([], 7, NOW)).toEqual({
      days: 7,
      created: 0,
      failed: 0,
      failureRate: null,
      topErrorCodes: [],
      medianDeliveryMs: null,
    });
  });
});
