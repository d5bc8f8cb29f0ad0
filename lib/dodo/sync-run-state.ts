// Whether a sync run is alive, from its row alone (no database, no clock but the one given): what
// the /sync page shows and what beginSync's queries encode.

/**
 * Mutable so tests can run a heartbeat in milliseconds. A run beats after every page of grants
 * and at least every `heartbeatEveryMs`; one silent for `interruptedAfterMs` (8 missed beats) is
 * dead. `resumeWithinMs`: how recent an interrupted run's last beat must be for the next run to
 * skip the entitlements it finished (older ones are synced again from the start).
 */
export const syncTimings = {
  heartbeatEveryMs: 15_000,
  interruptedAfterMs: 2 * 60_000,
  resumeWithinMs: 60 * 60_000,
};

export type RunLiveness = {
  status: string;
  startedAt: Date;
  heartbeatAt: Date | null;
};

/** When a run last showed life: its heartbeat, or its start for runs from before heartbeats. */
export function lastSignOfLife(run: RunLiveness): Date {
  return run.heartbeatAt ?? run.startedAt;
}

/** "running" in the database, but silent for too long: cut off without being able to say so. */
export function isSilentlyInterrupted(run: RunLiveness, now = new Date()): boolean {
  return (
    run.status === "running" &&
    now.getTime() - lastSignOfLife(run).getTime() > syncTimings.interruptedAfterMs
  );
}

export type SyncRunState = "running" | "succeeded" | "failed" | "interrupted";

/** A run still "running" whose heartbeat stopped is interrupted, even before anyone marks it. */
export function syncRunState(run: RunLiveness, now = new Date()): SyncRunState {
  if (run.status === "succeeded" || run.status === "failed" || run.status === "interrupted")
    return run.status;
  return isSilentlyInterrupted(run, now) ? "interrupted" : "running";
}
