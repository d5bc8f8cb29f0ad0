// The overview figures and the failure / revocation groups, on data sent through the webhook route.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";
import { testViewer } from "../support/viewers";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
const now = new Date();
const iso = (msAgo: number) =>
  new Date(Math.floor((now.getTime() - msAgo) / 1000) * 1000).toISOString();
const HOUR = 3_600_000;

beforeAll(async () => {
  const send = (
    id: string,
    fields: Record<string, unknown>,
    createdAgo: number,
    updatedAgo: number,
  ) =>
    deliver(
      grantEvent("created", {
        id,
        created_at: iso(createdAgo),
        updated_at: iso(updatedAgo),
        ...fields,
      }),
    );
  await send("g_pending_old", { status: "Pending" }, 2 * HOUR, 2 * HOUR);
  await send("g_pending_new", { status: "Pending" }, 0.1 * HOUR, 0.1 * HOUR);
  await send(
    "g_delivered_1",
    { status: "Delivered", integration_type: "discord", delivered_at: iso(3 * HOUR) },
    4 * HOUR,
    3 * HOUR,
  );
  await send(
    "g_delivered_2",
    { status: "Delivered", integration_type: "discord", delivered_at: iso(1 * HOUR) },
    4 * HOUR,
    1 * HOUR,
  );
  await send(
    "g_failed_a",
    { status: "Failed", error_code: "github_permission_denied" },
    5 * HOUR,
    2 * HOUR,
  );
  await send(
    "g_failed_b",
    { status: "Failed", error_code: "github_permission_denied" },
    50 * HOUR,
    48 * HOUR,
  );
  await send("g_failed_c", { status: "Failed", error_code: "brand_new_code" }, 10 * HOUR, 9 * HOUR);
  await send(
    "g_revoked",
    { status: "Revoked", revocation_reason: "SubscriptionPaused", revoked_at: iso(24 * HOUR) },
    30 * HOUR,
    24 * HOUR,
  );
});

describe(`overview stats (${provider})`, () => {
  it("counts what the KPIs say", async () => {
    const { getOverviewStats } = await import("@/lib/grants/queries/grant-stats");
    expect(await getOverviewStats(testViewer("support"), now)).toEqual({
      total: 8,
      delivered: 2,
      deliveredShare: 0.25,
      pendingOverHour: 1,
      failed24h: 2,
      failed7d: 3,
      revoked7d: 1,
    });
  });

  it("takes the median time to delivery per integration, to the histogram's resolution", async () => {
    const { getDeliveryMedians } = await import("@/lib/grants/queries/grant-stats");
    const { MEDIAN_RESOLUTION_RATIO } = await import("@/lib/grants/latency-histogram");
    const medians = await getDeliveryMedians(testViewer("support"), 30, now);
    // The exact median is 2 h (1 h and 3 h); the histogram's is within ±9% of it.
    expect(medians).toMatchObject([{ integrationType: "discord", count: 2 }]);
    expect(medians[0]!.medianMs).toBeLessThanOrEqual(2 * HOUR * MEDIAN_RESOLUTION_RATIO);
    expect(medians[0]!.medianMs).toBeGreaterThanOrEqual((2 * HOUR) / MEDIAN_RESOLUTION_RATIO);
  });

  it("groups failures by error code, biggest first, with examples and a trend", async () => {
    const { groupFailures } = await import("@/lib/grants/queries/grant-groups");
    const { groups, days } = await groupFailures(testViewer("support"), now);
    expect(groups.map((g) => [g.key, g.count])).toEqual([
      ["github_permission_denied", 2],
      ["brand_new_code", 1],
    ]);
    expect(groups[0]!.examples).toEqual(["g_failed_a", "g_failed_b"]);
    expect(groups[0]!.trend.reduce((a, b) => a + b, 0)).toBe(2);
    expect(days).toHaveLength(30);
  });

  it("groups revocations by reason, keeping Dodo's capitalised SubscriptionPaused", async () => {
    const { groupRevocations } = await import("@/lib/grants/queries/grant-groups");
    const { groups } = await groupRevocations(testViewer("support"), now);
    expect(groups).toMatchObject([
      { key: "SubscriptionPaused", count: 1, examples: ["g_revoked"] },
    ]);
  });
});
