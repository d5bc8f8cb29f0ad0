import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/form-controls";
import { IgnoredQueryNotice } from "@/components/ui/ignored-query-notice";
import { PageHeader } from "@/components/ui/page-header";
import { AUDIT_ACTIONS, listAuditLog, readAuditQuery } from "@/lib/audit/audit-log";
import { requirePageViewer } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePageViewer("audit:read");
  const { query, problems } = readAuditQuery(await searchParams);
  const { action } = query;
  const { rows, hasMore } = await listAuditLog(viewer, query);
  const last = rows.at(-1);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made through Grantdesk, and every license key revealed: who, what, and when. Newest first."
      />
      <IgnoredQueryNotice problems={problems} startOver="/audit" />
      <form method="get" className="mb-4 flex items-end gap-3">
        <div className="w-64">
          <SelectField
            label="Action"
            name="action"
            value={action}
            anyLabel="Every action"
            options={Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }))}
          />
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title="Nothing recorded yet">
          Creating users or API keys, reprocessing events, revoking and fulfilling grants and
          revealing license keys all appear here.
        </EmptyState>
      ) : (
        <AuditTable rows={rows} />
      )}
      {hasMore && last ? (
        <p className="mt-4">
          <Link
            href={`/audit?${new URLSearchParams({ ...(action ? { action } : {}), before: last.id })}`}
            className={buttonVariants({ variant: "secondary" })}
          >
            Older entries
          </Link>
        </p>
      ) : null}
    </>
  );
}
