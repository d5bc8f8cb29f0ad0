// What the scheduler does each time it wakes, on any instance: the self-hosted timer
// (scheduler.ts) and Vercel Cron (/api/cron/*) call the same two ticks. Each runs under a lease,
// so across instances one evaluates the rules and one runs the sync at a time.
import "server-only";
import crypto from "node:crypto";
import { issueViewer, type Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { getEnv } from "../env";
import { executeSync } from "../dodo/sync";
import { syncRunState, syncTimings } from "../dodo/sync-run-state";
import { beginSync, SyncBusyError } from "../dodo/sync-runs";
import { queueDailyDigests } from "./daily-digest";
import { evaluateAlertRules, type Evaluation } from "./evaluate-rules";
import { acquireLease, releaseLease } from "./lease";
import { readSyncSchedule } from "./rule-settings";
import { sendDueAlerts, type OutboxResult } from "./send-outbox";
import { flushSignatureFailures } from "./signature-failures";

const ALERTS_LEASE = "alerts";
const SYNC_LEASE = "sync";
/** Longer than a tick takes; a holder that died frees it by expiry. */
const ALERTS_LEASE_MS = 2 * 60_000;
const KEEP_SIGNATURE_COUNTS_MS = 24 * 60 * 60_000;

/** This process, as a lease holder. */
export const INSTANCE_ID = `${process.pid}-${crypto.randomUUID().slice(0, 8)}`;

export function schedulerViewer(): Viewer {
  return issueViewer({ kind: "cli", id: "scheduler", label: "scheduler", role: "admin" });
}

export type AlertsTick =
  | { ran: false; reason: string }
  | { ran: true; rules: Partial<Evaluation>; digests: number; outbox: OutboxResult };

export async function runAlertsTick(
  options: { now?: Date; holder?: string } = {},
): Promise<AlertsTick> {
  const now = options.now ?? new Date();
  const holder = options.holder ?? INSTANCE_ID;
  const db = await getDb();
  await flushSignatureFailures();
  if (!(await acquireLease(db, ALERTS_LEASE, holder, ALERTS_LEASE_MS, now)))
    return { ran: false, reason: "another instance is evaluating the rules" };
  try {
    const viewer = schedulerViewer();
    const rules = await evaluateAlertRules(viewer, now);
    const digests = await queueDailyDigests(viewer, now);
    const outbox = await sendDueAlerts(viewer, now);
    await db.signatureFailureCount.deleteMany({
      where: { minute: { lt: new Date(now.getTime() - KEEP_SIGNATURE_COUNTS_MS) } },
    });
    return { ran: true, rules, digests, outbox };
  } finally {
    await releaseLease(db, ALERTS_LEASE, holder);
  }
}

export type SyncTick =
  | { ran: false; reason: string }
  | { ran: true; runId: string; status: string; error: string | null };

/** Whether the scheduled sync is due: never ran, the last was cut off, or it is time again. */
async function syncDue(now: Date): Promise<string | null> {
  const env = getEnv();
  if (!env.dodoApiKey) return "no DODO_PAYMENTS_API_KEY: the scheduled sync is off";
  const db = await getDb();
  const schedule = await readSyncSchedule(db);
  if (!schedule.enabled) return "the scheduled sync is switched off";
  const latest = await db.syncRun.findFirst({ orderBy: [{ startedAt: "desc" }, { id: "desc" }] });
  if (!latest) return null;
  const state = syncRunState(latest, now);
  if (state === "running") return "a sync is running";
  // A run cut off (a function time limit, a restart) is resumed at once, not hours later.
  if (state === "interrupted") return null;
  const dueAt = latest.startedAt.getTime() + schedule.everyHours * 3_600_000;
  return now.getTime() >= dueAt ? null : `next sync at ${new Date(dueAt).toISOString()}`;
}

/**
 * Runs the scheduled re-sync when due, holding the sync lease and renewing it at every step; the
 * sync itself heartbeats and resumes after an interruption (lib/dodo/sync.ts), so a time limit
 * cuts it into steps instead of wedging it.
 */
export async function runSyncTick(
  options: { now?: Date; holder?: string } = {},
): Promise<SyncTick> {
  const now = options.now ?? new Date();
  const holder = options.holder ?? INSTANCE_ID;
  const notDue = await syncDue(now);
  if (notDue) return { ran: false, reason: notDue };
  const db = await getDb();
  const leaseMs = syncTimings.interruptedAfterMs;
  if (!(await acquireLease(db, SYNC_LEASE, holder, leaseMs, now)))
    return { ran: false, reason: "another instance is running the sync" };
  try {
    const viewer = schedulerViewer();
    let runId: string;
    try {
      runId = await beginSync(viewer, "schedule");
    } catch (error) {
      if (error instanceof SyncBusyError) return { ran: false, reason: error.message };
      throw error;
    }
    const renew = () => {
      acquireLease(db, SYNC_LEASE, holder, leaseMs).catch(() => {});
    };
    const result = await executeSync(viewer, runId, renew);
    return { ran: true, runId, status: result.status, error: result.error };
  } finally {
    await releaseLease(db, SYNC_LEASE, holder);
  }
}
