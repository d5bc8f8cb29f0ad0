// Re-sync: list every entitlement and every one of its grants (all pages) and apply each as a
// snapshot. Catches up on webhooks Dodo gave up on (after its 27-hour retry window) or sent
// before the endpoint existed. Then the catalog, subscriptions and customers, whose failures are
// notes, never the run's failure (sync-who-and-what.ts). Each run is recorded with its counts and
// the grants that differed.
import crypto from "node:crypto";
import type DodoPayments from "dodopayments";
import type { Entitlement } from "dodopayments/resources/entitlements/entitlements";
import type { EntitlementGrant } from "dodopayments/resources/entitlements/grants";
import { assertCan, type Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { applyApiSnapshot, type AppliedSnapshot } from "./apply-snapshot";
import { dodoClient } from "./client";
import { dodoErrorMessage } from "./errors";
import { BACKGROUND, withRetries, type RetryPolicy } from "./retry";
import { joinNotes } from "./sync-notes";
import {
  beginSync,
  finishRun,
  parseEntitlementIds,
  startHeartbeat,
  SyncTakenOverError,
  type RunProgress,
  type SyncCounts,
} from "./sync-runs";
import { syncListedCatalog, syncWhoAndWhat } from "./sync-who-and-what";

const PAGE_SIZE = 100;

export type SyncProgress = { entitlements: number; entitlementsDone: number; grantsSeen: number };
export type SyncResult = {
  runId: string;
  // interrupted: it was marked so while still going (its heartbeat had stopped for too long).
  status: "succeeded" | "failed" | "interrupted";
  error: string | null;
  counts: SyncCounts;
};

/**
 * Every page of a page-number list, each a bounded step (at most PAGE_SIZE items). Dodo's pages
 * start at 0; the SDK assumes 1 when none is given, so always give one.
 */
async function* everyPage<T>(
  list: (page: number) => Promise<{ items: T[] }>,
  policy: RetryPolicy,
): AsyncGenerator<T[]> {
  for (let page = 0; ; page++) {
    const { items } = await withRetries(policy, () => list(page));
    if (items.length === 0) return;
    yield items;
    if (items.length < PAGE_SIZE) return;
  }
}

function grantPages(
  client: DodoPayments,
  entitlementId: string,
  filter: { customer_id?: string } = {},
  policy = BACKGROUND,
): AsyncGenerator<EntitlementGrant[]> {
  return everyPage(
    (page) =>
      client.entitlements.grants.list(entitlementId, {
        ...filter,
        page_number: page,
        page_size: PAGE_SIZE,
      }),
    policy,
  );
}

export async function* listEntitlementGrants(
  client: DodoPayments,
  entitlementId: string,
  filter: { customer_id?: string } = {},
  policy = BACKGROUND,
): AsyncGenerator<EntitlementGrant> {
  for await (const page of grantPages(client, entitlementId, filter, policy)) yield* page;
}

function count(counts: SyncCounts, applied: AppliedSnapshot): void {
  counts.seen++;
  if (applied.outcome === "new") counts.created++;
  else if (applied.outcome === "updated") counts.updated++;
  else if (applied.outcome === "unchanged") counts.unchanged++;
  else if (applied.outcome === "older") counts.older++;
  else counts.invalid++;
}

async function applyGrantPage(runId: string, grants: EntitlementGrant[], counts: SyncCounts) {
  const db = await getDb();
  for (const grant of grants) {
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
  }
}

/**
 * Does the work of a begun run and records how it ended. A Dodo failure ends it as failed. Every
 * page of grants is a step followed by a heartbeat with the progress so far, so a run cut off
 * mid-way says how far it got, and the next run skips the entitlements it finished (applying a
 * snapshot again would be harmless too: the merge rule is idempotent and never lets an older
 * state win, so a full or overlapping re-run cannot undo anything).
 */
export async function executeSync(
  viewer: Viewer,
  runId: string,
  onProgress?: (progress: SyncProgress) => void,
): Promise<SyncResult> {
  assertCan(viewer, "sync:run");
  const db = await getDb();
  const run = await db.syncRun.findUniqueOrThrow({ where: { id: runId } });
  const counts: SyncCounts = {
    seen: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    older: 0,
    invalid: 0,
  };
  const inherited = new Set(parseEntitlementIds(run.doneEntitlementIds));
  const done: string[] = [...inherited];
  let total: number | null = null;
  const progress = (): RunProgress => ({
    entitlements: total,
    entitlementsDone: done.length,
    doneEntitlementIds: done,
    ...counts,
  });
  const heartbeat = startHeartbeat(db, runId, progress);
  let error: string | null = null;
  // Why a name may be missing (catalog, subscriptions, customers): kept apart from the grant sync.
  const notes: (string | null)[] = [];
  try {
    const client = dodoClient();
    const entitlements: string[] = [];
    const listed: Entitlement[] = [];
    for await (const page of everyPage(
      (page) => client.entitlements.list({ page_number: page, page_size: PAGE_SIZE }),
      BACKGROUND,
    )) {
      listed.push(...page);
      entitlements.push(...page.map((entitlement) => entitlement.id));
      await heartbeat.beat();
    }
    notes.push(await syncListedCatalog(listed));
    total = entitlements.length;
    // Only what Dodo still lists counts as done: a deleted entitlement is not progress.
    done.splice(0, done.length, ...entitlements.filter((id) => inherited.has(id)));
    const report = () =>
      onProgress?.({
        entitlements: total ?? 0,
        entitlementsDone: done.length,
        grantsSeen: counts.seen,
      });
    report();
    for (const entitlementId of entitlements) {
      if (inherited.has(entitlementId)) continue;
      for await (const grants of grantPages(client, entitlementId)) {
        await applyGrantPage(runId, grants, counts);
        await heartbeat.beat();
      }
      done.push(entitlementId);
      await heartbeat.beat();
      report();
    }
    notes.push(...(await syncWhoAndWhat(client, heartbeat.beat)));
  } catch (caught) {
    if (caught instanceof SyncTakenOverError) {
      await heartbeat.stop();
      return { runId, status: "interrupted", error: caught.message, counts };
    }
    error = dodoErrorMessage(caught) ?? `unexpected error: ${(caught as Error).message}`;
  }
  await heartbeat.stop();
  const status = error ? "failed" : "succeeded";
  // A succeeded run may still carry notes: the grants are in, some names are not.
  error = joinNotes(error, notes);
  const recorded = await finishRun(db, runId, { status, error }, progress());
  if (!recorded)
    return { runId, status: "interrupted", error: "the run was marked interrupted", counts };
  return { runId, status, error, counts };
}

/** Begins and executes a run (the command line, and tests). */
export async function runSync(
  viewer: Viewer,
  options: {
    trigger: "cli" | "dashboard" | "schedule";
    onProgress?: (progress: SyncProgress) => void;
  },
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
