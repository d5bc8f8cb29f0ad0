import type { Metadata } from "next";
import { MissedUpdatesTable } from "@/components/sync/missed-updates-table";
import { RefreshWhileRunning } from "@/components/sync/refresh-while-running";
import { SyncRunsTable } from "@/components/sync/sync-runs-table";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { requirePageViewer } from "@/lib/auth/guards";
import { can } from "@/lib/auth/viewer";
import { dodoUnavailableReason } from "@/lib/dodo/client";
import { listMissedUpdates, listSyncRuns } from "@/lib/dodo/sync";
import { syncRunState } from "@/lib/dodo/sync-run-state";
import { startSyncAction } from "./actions";

export const metadata: Metadata = { title: "Sync" };

// The "Run a sync" server action runs the sync in after(), which on Vercel lives only as long as
// this page's maxDuration (Next.js sets a server action's limit at the page level). 300 s is the
// most Vercel's Hobby plan allows (with Fluid compute, the default) and Pro's default (Pro may go
// to 800): a value above the plan's limit fails the deployment. A longer sync is cut off, shows
// as interrupted within 2 minutes, and the next run skips what it finished.
export const maxDuration = 300;

export default async function SyncPage() {
  const viewer = await requirePageViewer();
  const [runs, missed] = await Promise.all([listSyncRuns(viewer), listMissedUpdates(viewer)]);
  const unavailable = dodoUnavailableReason();
  const now = new Date();
  const running = runs.some((run) => syncRunState(run, now) === "running");
  const canRun = can(viewer, "sync:run");
  return (
    <>
      <RefreshWhileRunning running={running} />
      <PageHeader
        title="Sync with Dodo"
        description="Webhooks can be missed: an outage longer than Dodo's 27-hour retry window, or an endpoint set up late. A sync lists every grant from Dodo's API and applies each through the same rule as webhooks: newer states win, older ones never overwrite."
      >
        {canRun ? (
          <ActionForm action={startSyncAction}>
            <Button type="submit" disabled={unavailable !== null || running}>
              {running ? "Sync running…" : "Run a sync"}
            </Button>
          </ActionForm>
        ) : null}
      </PageHeader>
      {unavailable ? (
        <Alert variant="warning" className="mb-4">
          {unavailable}
        </Alert>
      ) : null}
      <div className="space-y-6">
        <Panel title="Last runs">
          {runs.length === 0 ? (
            <p className="text-sm text-muted">
              No sync has run yet.{" "}
              {canRun
                ? "Run one to check that nothing was missed, or from a terminal: npm run sync."
                : "An admin can run one."}
            </p>
          ) : (
            <SyncRunsTable runs={runs} now={now} />
          )}
          {runs.some((run) => syncRunState(run, now) === "interrupted") ? (
            <p className="mt-3 text-xs text-muted">
              Interrupted: cut off by a restart or a time limit, so its heartbeat stopped. It does
              not block a new run, which skips the entitlements it finished.
            </p>
          ) : null}
        </Panel>
        <Panel title="Missed webhooks: grants a sync had to correct">
          <MissedUpdatesTable missed={missed} />
        </Panel>
      </div>
    </>
  );
}
