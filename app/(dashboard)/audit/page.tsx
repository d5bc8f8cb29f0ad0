import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { IgnoredQueryNotice } from "@/components/ui/ignored-query-notice";
import { SelectField, buttonClass } from "@/components/ui/form-controls";
import { PageHeader } from "@/components/ui/page-header";
import { AUDIT_ACTIONS, listAuditLog, readAuditQuery } from "@/lib/audit/audit-log";
import { requirePageViewer } from "@/lib/auth/guards";
import { formatExact } from "@/lib/format";

export const metadata: Metadata = { title: "Audit log" };

const REVEALED_VIA: Record<string, string> = {
  "license-key": "Reveal or Copy (GET …/license-key)",
  include: "GET …?include=license_key",
};

function detailText(action: string, detail: unknown): string {
  if (!detail || typeof detail !== "object") return "";
  const fields = detail as Record<string, unknown>;
  if (action === "license_key.revealed") {
    const via = String(fields.via);
    return `key ••••${String(fields.keyLast4)} · ${REVEALED_VIA[via] ?? via}`;
  }
  return Object.entries(fields)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(", ");
}

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
        <button type="submit" className={buttonClass.secondary}>
          Filter
        </button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title="Nothing recorded yet">
          Creating users or API keys, reprocessing events, revoking and fulfilling grants and
          revealing license keys all appear here.
        </EmptyState>
      ) : (
        <DataTable columns={["When", "Who", "Did", "Details"]}>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="px-4 py-2.5 whitespace-nowrap text-slate-600 dark:text-slate-400">
                {formatExact(row.at)}
              </td>
              <td className="px-4 py-2.5">{row.actorEmail}</td>
              <td className="px-4 py-2.5">
                {AUDIT_ACTIONS[row.action as keyof typeof AUDIT_ACTIONS] ?? row.action}{" "}
                {row.targetType === "grant" ? (
                  <Link
                    href={`/grants/${encodeURIComponent(row.targetId)}`}
                    className="font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-300"
                  >
                    {row.targetId}
                  </Link>
                ) : (
                  <span className="font-mono text-xs">{row.targetId}</span>
                )}
              </td>
              <td className="px-4 py-2.5 text-xs text-slate-600 dark:text-slate-400">
                {detailText(row.action, row.detail)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {hasMore && last ? (
        <p className="mt-4">
          <Link
            href={`/audit?${new URLSearchParams({ ...(action ? { action } : {}), before: last.id })}`}
            className={buttonClass.secondary}
          >
            Older entries
          </Link>
        </p>
      ) : null}
    </>
  );
}
