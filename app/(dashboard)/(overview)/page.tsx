import Link from "next/link";
import { DailyChart } from "@/components/grants/daily-chart";
import { toGrantTableRow } from "@/components/grants/grant-rows";
import { GrantsTable } from "@/components/grants/grants-table";
import { IntegrationLabel } from "@/components/grants/integration-label";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { requirePageViewer } from "@/lib/auth/guards";
import { formatDuration } from "@/lib/format";
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
  const [stats, series, medians, failures] = await Promise.all([
    getOverviewStats(viewer, now),
    getDailySeries(viewer, 30, now),
    getDeliveryMedians(viewer, 30, now),
    listLatestFailures(viewer, 5),
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
  const share = stats.deliveredShare === null ? "—" : `${(stats.deliveredShare * 100).toFixed(1)}%`;
  return (
    <>
      <PageHeader
        title="Overview"
        description="Entitlement grants reported by Dodo Payments: what was delivered, what is stuck, what failed or was revoked."
      />
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
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Panel title="Last 30 days">
          <DailyChart
            days={series.days}
            series={[
              { label: "Created", values: series.created, colour: "text-indigo-500" },
              { label: "Delivered", values: series.delivered, colour: "text-emerald-500" },
              { label: "Failed", values: series.failed, colour: "text-rose-500" },
              { label: "Revoked", values: series.revoked, colour: "text-slate-400" },
            ]}
          />
        </Panel>
        <Panel title="Median time to delivery">
          {medians.length === 0 ? (
            <p className="text-sm text-slate-500">No deliveries in the last 30 days.</p>
          ) : (
            <table className="w-full text-sm">
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <th scope="col" className="pb-2 font-medium">
                    Integration
                  </th>
                  <th
                    scope="col"
                    className="pb-2 text-right font-medium"
                    title="From a latency histogram: within ±9% of the exact median"
                  >
                    Median (approx.)
                  </th>
                  <th scope="col" className="pb-2 text-right font-medium">
                    Grants
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {medians.map((m) => (
                  <tr key={m.integrationType}>
                    <td className="py-1.5">
                      <IntegrationLabel type={m.integrationType} />
                    </td>
                    <td className="py-1.5 text-right tabular-nums">
                      ≈ {formatDuration(m.medianMs)}
                    </td>
                    <td className="py-1.5 text-right text-slate-500 tabular-nums">{m.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
      </div>
      <section aria-labelledby="latest-failures" className="mt-8">
        <div className="mb-3 flex items-baseline justify-between">
          <h2 id="latest-failures" className="text-lg font-semibold">
            Latest failures
          </h2>
          <Link
            href="/failures"
            className="text-sm text-indigo-700 hover:underline dark:text-indigo-300"
          >
            All failures by error code →
          </Link>
        </div>
        {failures.length === 0 ? (
          <p className="text-sm text-slate-500">No failed deliveries.</p>
        ) : (
          <GrantsTable rows={failures.map((row) => toGrantTableRow(row, now))} />
        )}
      </section>
    </>
  );
}

function Kpi({
  label,
  value,
  hint,
  href,
  tone,
}: {
  label: string;
  value: string | number;
  hint?: string;
  href: string;
  tone?: "warning" | "danger";
}) {
  const accent =
    tone === "danger"
      ? "text-rose-700 dark:text-rose-300"
      : tone === "warning"
        ? "text-amber-700 dark:text-amber-300"
        : "";
  return (
    <Link
      href={href}
      className="rounded-lg border border-slate-200 bg-white p-4 hover:border-indigo-300 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-indigo-700"
    >
      <p className="text-sm text-slate-600 dark:text-slate-400">{label}</p>
      <p className={`mt-1 text-2xl font-semibold tabular-nums ${accent}`}>
        {typeof value === "number" ? value.toLocaleString("en-US") : value}
      </p>
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
    </Link>
  );
}
