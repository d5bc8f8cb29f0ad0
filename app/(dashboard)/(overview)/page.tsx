import { OpenIncidentsPanel } from "@/components/alerts/open-incidents-panel";
import { DailyChart } from "@/components/grants/daily-chart";
import { DeliveryMediansTable } from "@/components/overview/delivery-medians-table";
import { KeyFigures } from "@/components/overview/key-figures";
import { LatestFailures } from "@/components/overview/latest-failures";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { listOpenIncidents } from "@/lib/alerts/list-incidents";
import { requirePageViewer } from "@/lib/auth/guards";
import { can } from "@/lib/auth/viewer";
import {
  getDailySeries,
  getDeliveryMedians,
  getOverviewStats,
  listLatestFailures,
} from "@/lib/grants/queries/grant-stats";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const viewer = await requirePageViewer();
  const now = new Date();
  const [stats, series, medians, failures, incidents] = await Promise.all([
    getOverviewStats(viewer, now),
    getDailySeries(viewer, 30, now),
    getDeliveryMedians(viewer, 30, now),
    listLatestFailures(viewer, 5),
    listOpenIncidents(viewer),
  ]);
  if (stats.total === 0) {
    return (
      <>
        <PageHeader title="Overview" />
        <EmptyState title="No grants yet">
          Add <code className="font-mono">https://&lt;your-domain&gt;/api/webhooks/dodo</code> as a
          webhook endpoint in Dodo&apos;s dashboard, or run{" "}
          <code className="font-mono">npm run demo</code> to load demo data.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Overview"
        description="Entitlement grants reported by Dodo Payments: what was delivered, what is stuck, what failed or was revoked."
      />
      <OpenIncidentsPanel incidents={incidents} canManage={can(viewer, "alerts:manage")} />
      <KeyFigures stats={stats} />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Panel title="Last 30 days">
          <DailyChart
            days={series.days}
            series={[
              { label: "Created", values: series.created, colour: "text-accent" },
              { label: "Delivered", values: series.delivered, colour: "text-success" },
              { label: "Failed", values: series.failed, colour: "text-danger" },
              { label: "Revoked", values: series.revoked, colour: "text-faint" },
            ]}
          />
        </Panel>
        <Panel title="Median time to delivery">
          <DeliveryMediansTable medians={medians} />
        </Panel>
      </div>
      <LatestFailures failures={failures} now={now} />
    </>
  );
}
