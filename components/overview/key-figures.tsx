import type { getOverviewStats } from "@/lib/grants/queries/grant-stats";
import { Kpi } from "./kpi";

type OverviewStats = Awaited<ReturnType<typeof getOverviewStats>>;

export function KeyFigures({ stats }: { stats: OverviewStats }) {
  const share = stats.deliveredShare === null ? "—" : `${(stats.deliveredShare * 100).toFixed(1)}%`;
  return (
    <section
      aria-label="Key figures"
      className="mb-8 grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6"
    >
      <Kpi label="Grants" value={stats.total.toLocaleString("en-US")} href="/grants" />
      <Kpi
        label="Delivered"
        value={share}
        hint={`${stats.delivered.toLocaleString("en-US")} grants`}
        href="/grants?status=Delivered"
      />
      <Kpi
        label="Pending > 1 hour"
        value={stats.pendingOverHour}
        href="/grants?status=Pending&sort=created&dir=asc"
        tone={stats.pendingOverHour > 0 ? "warning" : undefined}
      />
      <Kpi
        label="Failed, 24 h"
        value={stats.failed24h}
        href="/failures"
        tone={stats.failed24h > 0 ? "danger" : undefined}
      />
      <Kpi label="Failed, 7 days" value={stats.failed7d} href="/failures" />
      <Kpi label="Revoked, 7 days" value={stats.revoked7d} href="/revocations" />
    </section>
  );
}
