import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/grants/status-badge";
import { RefreshWhileRunning } from "@/components/sync/refresh-while-running";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/form-controls";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { TimeAgo } from "@/components/ui/time-ago";
import { requirePageViewer } from "@/lib/auth/guards";
import { can } from "@/lib/auth/viewer";
import { dodoUnavailableReason } from "@/lib/dodo/client";
import { ABANDONED_AFTER_MS, listMissedUpdates, listSyncRuns } from "@/lib/dodo/sync";
import { formatDuration } from "@/lib/format";
import { startSyncAction } from "./actions";

export const metadata: Metadata = { title: "Sync" };

type Run = Awaited<ReturnType<typeof listSyncRuns>>[number];

function runState(
  run: Run,
  now: Date,
): { label: string; tone: "amber" | "emerald" | "rose" | "slate" } {
  if (run.status === "succeeded") return { label: "Succeeded", tone: "emerald" };
  if (run.status === "failed") return { label: "Failed", tone: "rose" };
  return now.getTime() - run.startedAt.getTime() > ABANDONED_AFTER_MS
    ? { label: "Interrupted", tone: "slate" }
    : { label: "Running", tone: "amber" };
}

export default async function SyncPage() {
  const viewer = await requirePageViewer();
  const [runs, missed] = await Promise.all([listSyncRuns(viewer), listMissedUpdates(viewer)]);
  const unavailable = dodoUnavailableReason();
  const now = new Date();
  const running = runs.some((run) => runState(run, now).label === "Running");
  return (
    <>
      <RefreshWhileRunning running={running} />
      <PageHeader
        title="Sync with Dodo"
        description="Webhooks can be missed: an outage longer than Dodo's 27-hour retry window, or an endpoint set up late. A sync lists every grant from Dodo's API and applies each through the same rule as webhooks: newer states win, older ones never overwrite."
      >
        {can(viewer, "sync:run") ? (
          <ActionForm action={startSyncAction}>
            <button
              type="submit"
              disabled={unavailable !== null || running}
              className={buttonClass.primary}
            >
              {running ? "Sync running…" : "Run a sync"}
            </button>
          </ActionForm>
        ) : null}
      </PageHeader>
      {unavailable ? (
        <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {unavailable}
        </p>
      ) : null}
      <div className="space-y-6">
        <Panel title="Last runs">
          {runs.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              No sync has run yet.{" "}
              {can(viewer, "sync:run")
                ? "Run one to check that nothing was missed, or from a terminal: npm run sync."
                : "An admin can run one."}
            </p>
          ) : (
            <DataTable
              columns={[
                "Started",
                "By",
                "State",
                { label: "Grants", align: "right" },
                { label: "New", align: "right" },
                { label: "Updated", align: "right" },
                { label: "Unchanged", align: "right" },
                { label: "Older", align: "right" },
                "Took",
              ]}
              framed={false}
            >
              {runs.map((run) => {
                const state = runState(run, now);
                return (
                  <tr key={run.id} data-testid="sync-run">
                    <td className="px-4 py-2 whitespace-nowrap">
                      <TimeAgo date={run.startedAt} />
                    </td>
                    <td className="px-4 py-2">{run.startedBy}</td>
                    <td className="px-4 py-2">
                      <Badge tone={state.tone}>{state.label}</Badge>
                      {run.error ? (
                        <p className="mt-1 max-w-md text-xs text-rose-700 dark:text-rose-300">
                          {run.error}
                        </p>
                      ) : null}
                    </td>
                    <td className="px-4 py-2 text-right tabular-nums">{run.seen}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{run.created}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{run.updated}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{run.unchanged}</td>
                    <td className="px-4 py-2 text-right tabular-nums">
                      {run.older}
                      {run.invalid ? ` (+${run.invalid} unreadable)` : ""}
                    </td>
                    <td className="px-4 py-2 whitespace-nowrap">
                      {run.finishedAt
                        ? formatDuration(run.finishedAt.getTime() - run.startedAt.getTime())
                        : "—"}
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          )}
        </Panel>
        <Panel title="Missed webhooks: grants a sync had to correct">
          {missed.length === 0 ? (
            <EmptyState title="Nothing missed">
              Every grant Dodo listed matched what the webhooks had brought.
            </EmptyState>
          ) : (
            <DataTable columns={["Grant", "Here before", "At Dodo", "Found"]} framed={false}>
              {missed.map((change) => (
                <tr key={change.id} data-testid="missed-update">
                  <td className="px-4 py-2 font-mono text-xs">
                    <Link
                      href={`/grants/${encodeURIComponent(change.grantId)}`}
                      className="text-indigo-700 hover:underline dark:text-indigo-300"
                    >
                      {change.grantId}
                    </Link>
                  </td>
                  <td className="px-4 py-2">
                    {change.statusBefore ? (
                      <StatusBadge status={change.statusBefore} />
                    ) : (
                      <span className="text-slate-500">not here at all</span>
                    )}
                  </td>
                  <td className="px-4 py-2">
                    <StatusBadge status={change.statusAfter} />
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap">
                    <TimeAgo date={change.at} />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </Panel>
      </div>
    </>
  );
}
