// Raw-body retention: after GRANTDESK_KEEP_RAW_BODIES_DAYS the bodies of applied, stale,
// duplicate and ignored deliveries are dropped; invalid ones wait for reprocessing, or
// GRANTDESK_KEEP_INVALID_BODIES_DAYS. The rows stay (webhook-id, type, grant, outcome, times), so
// duplicates are still recognised and the event log stays whole. Nothing of a grant's state is
// lost: Grant.rawSnapshot holds the `data` of the snapshot in force, and the grant's columns were
// written from it.
import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { getDriver } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { assertCan, type Viewer } from "@/lib/auth/viewer";
import { countPrunable, pruneBatch, type BodyKind, type PruneCount } from "./prune-sql";

const DAY_MS = 86_400_000;
/** Rows per transaction: SQLite's write lock is held a few tens of milliseconds at most. */
export const DEFAULT_BATCH_SIZE = 5_000;
/** Between batches, so queued webhook writes take the lock first. */
const PAUSE_BETWEEN_BATCHES_MS = 20;

export type PruneOptions = {
  dryRun?: boolean;
  batchSize?: number;
  now?: Date;
  /** Overrides of the configured days (tests); null keeps that kind forever. */
  keepDays?: Partial<Record<BodyKind, number | null>>;
  onBatch?: (kind: BodyKind, freed: PruneCount) => void;
};

export type PassResult = PruneCount & { kind: BodyKind; keepDays: number | null; batches: number };

function retentionDays(options: PruneOptions): Record<BodyKind, number | null> {
  const env = getEnv();
  const given = options.keepDays ?? {};
  // `null` given means off: only a kind left out falls back to the configuration.
  return {
    delivered: given.delivered !== undefined ? given.delivered : env.keepRawBodiesDays,
    invalid: given.invalid !== undefined ? given.invalid : env.keepInvalidBodiesDays,
  };
}

/** Prunes (or, dry, counts) both kinds; each pass says how many bodies and bytes. */
export async function pruneRawBodies(
  viewer: Viewer,
  options: PruneOptions = {},
): Promise<PassResult[]> {
  assertCan(viewer, "events:prune");
  const days = retentionDays(options);
  const now = options.now ?? new Date();
  const results: PassResult[] = [];
  for (const kind of ["delivered", "invalid"] as const) {
    const keepDays = days[kind];
    if (keepDays === null) {
      results.push({ kind, keepDays, bodies: 0, bytes: 0, batches: 0 });
      continue;
    }
    const cutoff = new Date(now.getTime() - keepDays * DAY_MS);
    const counted = options.dryRun
      ? { ...(await countPrunable(getDriver(), kind, cutoff)), batches: 0 }
      : await prunePass(kind, cutoff, now, options);
    results.push({ kind, keepDays, ...counted });
  }
  return results;
}

async function prunePass(
  kind: BodyKind,
  cutoff: Date,
  now: Date,
  options: PruneOptions,
): Promise<PruneCount & { batches: number }> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const total = { bodies: 0, bytes: 0, batches: 0 };
  for (;;) {
    const freed = await pruneBatch(getDriver(), kind, cutoff, batchSize, now);
    if (freed.bodies === 0) return total;
    total.bodies += freed.bodies;
    total.bytes += freed.bytes;
    total.batches += 1;
    options.onBatch?.(kind, freed);
    if (freed.bodies < batchSize) return total;
    await sleep(PAUSE_BETWEEN_BATCHES_MS);
  }
}
