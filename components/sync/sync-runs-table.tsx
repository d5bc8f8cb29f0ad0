import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { TCell, TRow } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { listSyncRuns } from "@/lib/dodo/sync";
import { lastSignOfLife, syncRunState, type SyncRunState } from "@/lib/dodo/sync-run-state";
import { formatDuration } from "@/lib/format";

export type SyncRun = Awaited<ReturnType<typeof listSyncRuns>>[number];

const STATE_BADGES: Record<
  SyncRunState,
  { label: string; tone: "amber" | "emerald" | "rose" | "slate" }
> = {
  running: { label: "Running", tone: "amber" },
  succeeded: { label: "Succeeded", tone: "emerald" },
  failed: { label: "Failed", tone: "rose" },
  interrupted: { label: "Interrupted", tone: "slate" },
};

const COUNT_COLUMNS = ["Grants", "New", "Updated", "Unchanged", "Older"].map((label) => ({
  label,
  align: "right" as const,
}));

/** How far a run that did not finish got, and when it last made progress. */
function RunProgressNote({ run, state, now }: { run: SyncRun; state: SyncRunState; now: Date }) {
  if (state !== "running" && state !== "interrupted") return null;
  const entitlements =
    run.entitlements === null
      ? "listing entitlements"
      : `${run.entitlementsDone} of ${run.entitlements} entitlements`;
  return (
    <p
      className="mt-1 min-w-40 text-xs text-muted"
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

function tookText(run: SyncRun, state: SyncRunState): string {
  if (run.finishedAt) return formatDuration(run.finishedAt.getTime() - run.startedAt.getTime());
  if (state !== "interrupted") return "—";
  return `${formatDuration(lastSignOfLife(run).getTime() - run.startedAt.getTime())}, cut off`;
}

function SyncRunRow({ run, now }: { run: SyncRun; now: Date }) {
  const state = syncRunState(run, now);
  const badge = STATE_BADGES[state];
  return (
    <TRow data-testid="sync-run">
      <TCell className="py-2 whitespace-nowrap">
        <TimeAgo date={run.startedAt} />
      </TCell>
      <TCell className="py-2">{run.startedBy}</TCell>
      <TCell className="py-2">
        <Badge tone={badge.tone}>{badge.label}</Badge>
        {run.resumedFromId ? (
          <span className="ml-2 text-xs text-muted">resumed an interrupted run</span>
        ) : null}
        <RunProgressNote run={run} state={state} now={now} />
        {run.error ? <p className="mt-1 max-w-md text-xs text-danger-text">{run.error}</p> : null}
      </TCell>
      {[run.seen, run.created, run.updated, run.unchanged].map((count, i) => (
        <TCell key={i} align="right" className="py-2">
          {count}
        </TCell>
      ))}
      <TCell align="right" className="py-2">
        {run.older}
        {run.invalid ? ` (+${run.invalid} unreadable)` : ""}
      </TCell>
      <TCell className="py-2 whitespace-nowrap">{tookText(run, state)}</TCell>
    </TRow>
  );
}

export function SyncRunsTable({ runs, now }: { runs: SyncRun[]; now: Date }) {
  return (
    <DataTable columns={["Started", "By", "State", ...COUNT_COLUMNS, "Took"]} framed={false}>
      {runs.map((run) => (
        <SyncRunRow key={run.id} run={run} now={now} />
      ))}
    </DataTable>
  );
}
