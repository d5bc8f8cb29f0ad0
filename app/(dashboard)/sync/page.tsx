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
import { listMissedUpdates, listSyncRuns } from "@/lib/dodo/sync";
import { lastSignOfLife, syncRunState, type SyncRunState } from "@/lib/dodo/sync-run-state";
import { formatDuration } from "@/lib/format";
import { startSyncAction } from "./actions";

export const metadata: Metadata = { title: "Sync" };

// The "Run a sync" server action runs the sync in after(), which on Vercel lives only as long as
// this page's maxDuration (Next.js sets a server action's limit at the page level). 300 s is the
// most Vercel's Hobby plan allows (with Fluid compute, the default) and Pro's default (Pro may go
// to 800): a value above the plan's limit fails the deployment. A longer sync is cut off, shows
// as interrupted within 2 minutes, and the next run skips what it finished.
export const maxDuration = 300;

type Run = Awaited<ReturnType<typeof listSyncRuns>>[number];

const STATE_BADGES: Record<
  SyncRunState,
  { label: string; tone: "amber" | "emerald" | "rose" | "slate" }
> = {
  running: { label: "Running", tone: "amber" },
  succeeded: { label: "Succeeded", tone: "emerald" },
  failed: { label: "Failed", tone: "rose" },
  interrupted: { label: "Interrupted", tone: "slate" },
};

/** How far a run that did not finish got, and when it last made progress. */
function RunProgressNote({ run, state, now }: { run: Run; state: SyncRunState; now: Date }) {
  if (state !== "running" && state !== "interrupted") return null;
  const entitlements =
    run.entitlements === null
      ? "listing entitlements"
      : `${run.entitlementsDone} of ${run.entitlements} entitlements`;
  return (
    <p
      className="mt-1 min-w-40 text-xs text-slate-600 dark:text-slate-400"
      data-testid="sync-run-progress"
      title={
        state === "interrupted"
          ? "Cut off by a restart or a time limit: the next run skips the entitlements it finished."
          : undefined
      }
    >
      {entitlements}, {run.seen} grants · last progress{" "}
      <TimeAgo date={lastSignOfLife(run)} now={now} />
    </p>
  );
}

export default async function SyncPage() {
  const viewer = await requirePageViewer();
  const [runs, missed] = await Promise.all([listSyncRuns(viewer), listMissedUpdates(viewer)]);
  const unavailable = dodoUnavailableReason();
  const now = new Date();
  const running = runs.some((run) => syncRunState(run, now) === "running");
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
                const state = syncRunState(run, now);
                const badge = STATE_BADGES[state];
                return (
                  <tr key={run.id} data-testid="sync-run">
                    <td className="px-4 py-2 whitespace-nowrap">
                      <TimeAgo date={run.startedAt} />
                    </td>
                    <td className="px-4 py-2">{run.startedBy}</td>
                    <td className="px-4 py-2">
                      <Badge tone={badge.tone}>{badge.label}</Badge>
                      {run.resumedFromId ? (
                        <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">
                          resumed an interrupted run
                        </span>
                      ) : null}
                      <RunProgressNote run={run} state={state} now={now} />
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
                        : state === "interrupted"
                          ? `${formatDuration(lastSignOfLife(run).getTime() - run.startedAt.getTime())}, cut off`
                          : "—"}
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          )}
          {runs.some((run) => syncRunState(run, now) === "interrupted") ? (
            <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">
              Interrupted: cut off by a restart or a time limit, so its heartbeat stopped. It does
              not block a new run, which skips the entitlements it finished.
            </p>
          ) : null}
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
