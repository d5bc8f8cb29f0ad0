import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RecentGrantsTable } from "@/components/grants/recent-grants-table";
import { countGrantsByStatus, listRecentGrants } from "@/lib/grants/queries";
import { GRANT_STATUSES, statusInfo } from "@/lib/grants/status";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const [counts, recent] = await Promise.all([countGrantsByStatus(), listRecentGrants(10)]);
  return (
    <>
      <PageHeader title="Overview" description="Entitlement grants reported by Dodo Payments, by status." />
      <section aria-label="Grants by status" className="mb-8 grid grid-cols-2 gap-4 lg:grid-cols-5">
        <Kpi label="All grants" value={counts.total} />
        {GRANT_STATUSES.map((status) => (
          <Kpi key={status} label={statusInfo(status).label} value={counts.byStatus[status] ?? 0} />
        ))}
      </section>
      <h2 className="mb-3 text-lg font-semibold">Recently updated</h2>
      {recent.length === 0 ? (
        <EmptyState title="No grants yet">
          Point Dodo&apos;s webhook at <code className="font-mono">/api/webhooks/dodo</code>, or run <code className="font-mono">npm run demo</code> to load demo data.
        </EmptyState>
      ) : (
        <RecentGrantsTable grants={recent} />
      )}
    </>
  );
}

function Kpi({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <p className="text-sm text-slate-600 dark:text-slate-400">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value.toLocaleString("en-US")}</p>
    </div>
  );
}
