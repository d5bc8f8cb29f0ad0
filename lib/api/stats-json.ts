// The overview's figures in the wire shape of GET /api/v1/stats.
import { MEDIAN_RESOLUTION_RATIO } from "@/lib/grants/latency-histogram";
import type {
  getDailySeries,
  getDeliveryMedians,
  getOverviewStats,
} from "@/lib/grants/queries/grant-stats";
import type { StatsJson } from "./v1-schemas";

type Figures = {
  overview: Awaited<ReturnType<typeof getOverviewStats>>;
  daily: Awaited<ReturnType<typeof getDailySeries>>;
  medians: Awaited<ReturnType<typeof getDeliveryMedians>>;
};

export function toStatsJson({ overview, daily, medians }: Figures): StatsJson {
  return {
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
  };
}
