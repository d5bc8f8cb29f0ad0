// Re-sync: list every entitlement and every one of its grants (all pages) and apply each as a
// snapshot. Catches up on webhooks Dodo gave up on (after its 27-hour retry window) or sent
// before the endpoint existed. Each run is recorded with its counts and the grants that differed.
import crypto from "node:crypto";
import type DodoPayments from "dodopayments";
import type { EntitlementGrant } from "dodopayments/resources/entitlements/grants";
import { recordAudit } from "../audit/audit-log";
import { assertCan, type Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { applyApiSnapshot, type AppliedSnapshot } from "./apply-snapshot";
import { dodoClient } from "./client";
import { dodoErrorMessage } from "./errors";
import { BACKGROUND, withRetries, type RetryPolicy } from "./retry";
import { Refusal } from "../refusal";

const PAGE_SIZE = 100;

export type SyncProgress = { entitlements: number; entitlementsDone: number; grantsSeen: number };
export type SyncCounts = {
  seen: number;
  created: number;
  updated: number;
  unchanged: number;
  older: number;
  invalid: number;
};
export type SyncResult = {
  runId: string;
  status: "succeeded" | "failed";
  error: string | null;
  counts: SyncCounts;
};

/** Every item of a page-number list. Dodo's pages start at 0; the SDK assumes 1 when none is given, so always give one. */
async function* everyItem<T>(
  list: (page: number) => Promise<{ items: T[] }>,
  policy: RetryPolicy,
): AsyncGenerator<T> {
  for (let page = 0; ; page++) {
    const { items } = await withRetries(policy, () => list(page));
    if (items.length === 0) return;
    yield* items;
    if (items.length < PAGE_SIZE) return;
  }
}

export function listEntitlementGrants(
  client: DodoPayments,
  entitlementId: string,
  filter: { customer_id?: string } = {},
  policy = BACKGROUND,
): AsyncGenerator<EntitlementGrant> {
  return everyItem(
    (page) =>
      client.entitlements.grants.list(entitlementId, {
        ...filter,
        page_number: page,
        page_size: PAGE_SIZE,
      }),
    policy,
  );
}

function count(counts: SyncCounts, applied: AppliedSnapshot): void {
  counts.seen++;
  if (applied.outcome === "new") counts.created++;
  else if (applied.outcome === "updated") counts.updated++;
  else if (applied.outcome === "unchanged") counts.unchanged++;
  else if (applied.outcome === "older") counts.older++;
  else counts.invalid++;
}

/** A run still "running" after this long was cut off (a restart, a serverless time limit). */
export const ABANDONED_AFTER_MS = 60 * 60_000;

export class SyncBusyError extends Refusal {
  override name = "SyncBusyError";
}

/** Records a new run, refusing while another one is still going. */
export async function beginSync(viewer: Viewer, trigger: "cli" | "dashboard"): Promise<string> {
  assertCan(viewer, "sync:run");
  const db = await getDb();
  const running = await db.syncRun.findFirst({
    where: { status: "running", startedAt: { gt: new Date(Date.now() - ABANDONED_AFTER_MS) } },
  });
  if (running)
    throw new SyncBusyError(
      `Not started: a sync started by ${running.startedBy} is still running.`,
    );
  const runId = crypto.randomUUID();
  await db.$transaction(async (tx) => {
    await tx.syncRun.create({
      data: { id: runId, trigger, startedBy: viewer.label, status: "running" },
    });
    await recordAudit(tx, viewer, "sync.started", { type: "sync", id: runId }, { trigger });
  });
  return runId;
}

/** Does the work of a begun run and records how it ended. A Dodo failure ends it as failed. */
export async function executeSync(
  viewer: Viewer,
  runId: string,
  onProgress?: (progress: SyncProgress) => void,
): Promise<SyncResult> {
  assertCan(viewer, "sync:run");
  const db = await getDb();
  const counts: SyncCounts = {
    seen: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    older: 0,
    invalid: 0,
  };
  let error: string | null = null;
  try {
    const client = dodoClient();
    const entitlements: string[] = [];
    for await (const entitlement of everyItem(
      (page) => client.entitlements.list({ page_number: page, page_size: PAGE_SIZE }),
      BACKGROUND,
    ))
      entitlements.push(entitlement.id);
    const progress: SyncProgress = {
      entitlements: entitlements.length,
      entitlementsDone: 0,
      grantsSeen: 0,
    };
    onProgress?.(progress);
    for (const entitlementId of entitlements) {
      for await (const grant of listEntitlementGrants(client, entitlementId)) {
        const applied = await applyApiSnapshot(grant);
        count(counts, applied);
        if (applied.outcome === "new" || applied.outcome === "updated") {
          await db.syncChange.create({
            data: {
              id: crypto.randomUUID(),
              runId,
              grantId: grant.id,
              kind: applied.outcome,
              statusBefore: applied.statusBefore,
              statusAfter: applied.statusAfter,
            },
          });
        }
        progress.grantsSeen++;
      }
      progress.entitlementsDone++;
      onProgress?.(progress);
    }
  } catch (caught) {
    error = dodoErrorMessage(caught) ?? `unexpected error: ${(caught as Error).message}`;
  }
  const status = error ? "failed" : "succeeded";
  await db.syncRun.update({
    where: { id: runId },
    data: { status, error, finishedAt: new Date(), ...counts },
  });
  return { runId, status, error, counts };
}

/** Begins and executes a run (the command line, and tests). */
export async function runSync(
  viewer: Viewer,
  options: { trigger: "cli" | "dashboard"; onProgress?: (progress: SyncProgress) => void },
): Promise<SyncResult> {
  return executeSync(viewer, await beginSync(viewer, options.trigger), options.onProgress);
}

export async function listSyncRuns(viewer: Viewer, limit = 20) {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  return db.syncRun.findMany({ orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: limit });
}

/** Grants whose local state differed from Dodo's: the webhooks that were missed. */
export async function listMissedUpdates(viewer: Viewer, limit = 100) {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  return db.syncChange.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], take: limit });
}
