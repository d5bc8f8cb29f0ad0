// The life of a SyncRun row: claiming the one running slot, the heartbeat that proves a run is
// alive, and how it ends. A sync may be cut off at any point (a serverless function's time limit,
// a restart): nothing here relies on the run ending by itself.
import crypto from "node:crypto";
import { recordAudit } from "../audit/audit-log";
import { assertCan, type Viewer } from "../auth/viewer";
import { getDb, type Database } from "../db";
import { isUniqueViolation } from "../db-errors";
import { Refusal } from "../refusal";
import { lastSignOfLife, syncTimings } from "./sync-run-state";

/** The value of `runningSlot` while a run holds it: unique, so only one row can have it. */
const SLOT = "sync";

export class SyncBusyError extends Refusal {
  override name = "SyncBusyError";
}

/** The run was marked interrupted (its heartbeat had stopped) and another may have begun. */
export class SyncTakenOverError extends Error {
  override name = "SyncTakenOverError";
}

export function parseEntitlementIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];
}

/**
 * Records a new run, refusing while another one is alive. In one transaction: runs whose
 * heartbeat stopped are marked interrupted, a live one refuses, and the new run takes the unique
 * running slot, so of two simultaneous starts the second fails on the slot even where both saw
 * no live run (PostgreSQL's read committed). The newest run, when interrupted recently, is
 * resumed: the new run inherits the entitlements it had finished.
 */
export async function beginSync(
  viewer: Viewer,
  trigger: "cli" | "dashboard" | "schedule",
): Promise<string> {
  assertCan(viewer, "sync:run");
  const db = await getDb();
  const runId = crypto.randomUUID();
  try {
    await db.$transaction(async (tx) => {
      const now = new Date();
      const silentSince = new Date(now.getTime() - syncTimings.interruptedAfterMs);
      await tx.syncRun.updateMany({
        where: {
          status: "running",
          OR: [
            { heartbeatAt: { lt: silentSince } },
            { heartbeatAt: null, startedAt: { lt: silentSince } },
          ],
        },
        data: { status: "interrupted", runningSlot: null },
      });
      const running = await tx.syncRun.findFirst({ where: { status: "running" } });
      if (running) throw busy(running.startedBy);
      const latest = await tx.syncRun.findFirst({
        orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      });
      const resumed =
        latest?.status === "interrupted" &&
        now.getTime() - lastSignOfLife(latest).getTime() < syncTimings.resumeWithinMs
          ? latest
          : null;
      await tx.syncRun.create({
        data: {
          id: runId,
          trigger,
          startedBy: viewer.label,
          status: "running",
          runningSlot: SLOT,
          heartbeatAt: now,
          doneEntitlementIds: parseEntitlementIds(resumed?.doneEntitlementIds),
          resumedFromId: resumed?.id ?? null,
        },
      });
      await recordAudit(
        tx,
        viewer,
        "sync.started",
        { type: "sync", id: runId },
        { trigger, ...(resumed ? { resumedFrom: resumed.id } : {}) },
      );
    });
  } catch (error) {
    // Another start took the slot between our check and our insert.
    if (isUniqueViolation(error)) throw busy(null);
    throw error;
  }
  return runId;
}

function busy(startedBy: string | null): SyncBusyError {
  return new SyncBusyError(
    startedBy
      ? `Not started: a sync started by ${startedBy} is still running.`
      : "Not started: another sync has just started.",
  );
}

/** What a run did to the grants it saw. */
export type SyncCounts = {
  seen: number;
  created: number;
  updated: number;
  unchanged: number;
  older: number;
  invalid: number;
};

/** What a run has done so far; written with every heartbeat, so an interrupted run keeps it. */
export type RunProgress = SyncCounts & {
  entitlements: number | null;
  entitlementsDone: number;
  doneEntitlementIds: string[];
};

/**
 * The heartbeat of one run: `beat()` after every bounded step (it throws SyncTakenOverError once
 * the run was marked interrupted, so a run thought dead stops instead of racing its successor),
 * and a timer that beats every `heartbeatEveryMs` while a single step is slow (a Dodo page that
 * takes long, retries after a 429). Writes are serialised; only a row still "running" is touched.
 */
export function startHeartbeat(db: Database, runId: string, progress: () => RunProgress) {
  let writing: Promise<boolean> = Promise.resolve(true);
  let takenOver = false;
  const write = (): Promise<boolean> => {
    // After a failed write (the database away for a moment) the next one still runs.
    writing = writing
      .catch(() => !takenOver)
      .then(async () => {
        if (takenOver) return false;
        const { count } = await db.syncRun.updateMany({
          where: { id: runId, status: "running" },
          data: { heartbeatAt: new Date(), ...progress() },
        });
        takenOver = count === 0;
        return !takenOver;
      });
    return writing;
  };
  const timer = setInterval(() => {
    // A failed timer beat is not fatal: the next step's beat reports a lasting failure.
    write().catch(() => {});
  }, syncTimings.heartbeatEveryMs);
  timer.unref();
  return {
    async beat(): Promise<void> {
      if (!(await write())) throw new SyncTakenOverError("the run was marked interrupted");
    },
    /** Stops the timer and waits for a beat in flight, so none lands after the final write. */
    async stop(): Promise<void> {
      clearInterval(timer);
      await writing.catch(() => {});
    },
  };
}

/** Records how a run ended and frees the running slot. False when it had been taken over. */
export async function finishRun(
  db: Database,
  runId: string,
  outcome: { status: "succeeded" | "failed"; error: string | null },
  progress: RunProgress,
): Promise<boolean> {
  const now = new Date();
  const { count } = await db.syncRun.updateMany({
    where: { id: runId, status: "running" },
    data: { ...outcome, ...progress, finishedAt: now, heartbeatAt: now, runningSlot: null },
  });
  return count === 1;
}
