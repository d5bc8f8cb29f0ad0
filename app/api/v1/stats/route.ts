import { guardRoute } from "@/lib/auth/guards";
import { MEDIAN_RESOLUTION_RATIO } from "@/lib/grants/latency-histogram";
import { getDailySeries, getDeliveryMedians, getOverviewStats } from "@/lib/grants/stats";

export const dynamic = "force-dynamic";

/** The overview's figures as JSON. */
export const GET = guardRoute("grants:read", async (_request, viewer) => {
  const now = new Date();
  const [overview, daily, medians] = await Promise.all([
    getOverviewStats(viewer, now),
    getDailySeries(viewer, 30, now),
    getDeliveryMedians(viewer, 30, now),
  ]);
  return Response.json(
    {
      grants: overview.total,
      delivered: overview.delivered,
      delivered_share: overview.deliveredShare,
      pending_over_1h: overview.pendingOverHour,
      failed_24h: overview.failed24h,
      failed_7d: overview.failed7d,
      revoked_7d: overview.revoked7d,
      daily,
      // Approximate: read from a latency histogram (lib/grants/latency-histogram.ts).
      median_delivery_ms_by_integration: Object.fromEntries(
        medians.map((m) => [m.integrationType, Math.round(m.medianMs)]),
      ),
      median_delivery_ms_resolution_ratio: MEDIAN_RESOLUTION_RATIO,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});
