import { toStatsJson } from "@/lib/api/stats-json";
import { guardRoute } from "@/lib/auth/guards";
import {
  getDailySeries,
  getDeliveryMedians,
  getOverviewStats,
} from "@/lib/grants/queries/grant-stats";

export const dynamic = "force-dynamic";

/** The overview's figures as JSON (statsJsonSchema). */
export const GET = guardRoute("grants:read", async (_request, viewer) => {
  const now = new Date();
  const [overview, daily, medians] = await Promise.all([
    getOverviewStats(viewer, now),
    getDailySeries(viewer, 30, now),
    getDeliveryMedians(viewer, 30, now),
  ]);
  return Response.json(toStatsJson({ overview, daily, medians }), {
    headers: { "Cache-Control": "no-store" },
  });
});
