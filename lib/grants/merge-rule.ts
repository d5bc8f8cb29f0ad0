// Which of two snapshots of one grant is newer. Dodo delivers at least once and in no particular
// order, and a revoked grant can come back (key re-enabled, subscription unpaused), so no state is
// final: the snapshot with the later data.updated_at wins; on a tie, the later envelope timestamp;
// on a tie, the further lifecycle step (Pending < Delivered = Failed < Revoked).

export type SnapshotOrder = {
  updatedAt: Date;
  /** Envelope `timestamp` in microseconds (see lib/time.ts). */
  timestampUs: bigint;
  status: string;
};

export type Comparison = "newer" | "same" | "older";

const LIFECYCLE_RANK: Record<string, number> = { Pending: 0, Delivered: 1, Failed: 1, Revoked: 2 };

export function lifecycleRank(status: string): number {
  return LIFECYCLE_RANK[status] ?? 0;
}

/**
 * How `incoming` relates to `stored`: only "newer" may replace it. The readable statement of the
 * rule; the database applies it through snapshotOrderKey, which is tested to agree with it.
 */
export function compareSnapshots(incoming: SnapshotOrder, stored: SnapshotOrder): Comparison {
  const byUpdatedAt = Math.sign(incoming.updatedAt.getTime() - stored.updatedAt.getTime());
  if (byUpdatedAt !== 0) return byUpdatedAt > 0 ? "newer" : "older";
  if (incoming.timestampUs !== stored.timestampUs)
    return incoming.timestampUs > stored.timestampUs ? "newer" : "older";
  const byRank = Math.sign(lifecycleRank(incoming.status) - lifecycleRank(stored.status));
  if (byRank !== 0) return byRank > 0 ? "newer" : "older";
  return "same";
}

/**
 * The same order as compareSnapshots, as a string: 15 digits of updated_at (ms), 20 of the
 * envelope timestamp (µs), 1 of lifecycle rank. Equal-length digit strings sort the same under
 * every collation, so the database can apply the rule itself in an atomic conditional upsert.
 */
export function snapshotOrderKey(snapshot: SnapshotOrder): string {
  const updated = String(snapshot.updatedAt.getTime()).padStart(15, "0");
  const timestamp = snapshot.timestampUs.toString().padStart(20, "0");
  return `${updated}${timestamp}${lifecycleRank(snapshot.status)}`;
}
