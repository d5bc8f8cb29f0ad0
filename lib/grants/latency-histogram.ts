// The delivery-latency histogram's buckets (kept by triggers, see the grant_summaries migration):
// bucket b holds latencies in [2^(b/4), 2^((b+1)/4)) ms, 4 buckets per doubling, bucket 0 also
// holding 0 ms. A median read from it is the bucket's geometric middle: within ±9% of the exact one.

export const BUCKETS_PER_DOUBLING = 4;

/** How far a histogram median may be from the exact median, as a ratio (2^(1/8) ≈ 1.09). */
export const MEDIAN_RESOLUTION_RATIO = 2 ** (1 / (2 * BUCKETS_PER_DOUBLING));

export const bucketOf = (ms: number) =>
  Math.floor(BUCKETS_PER_DOUBLING * Math.log2(Math.max(1, Math.round(ms))));

export const bucketMiddleMs = (bucket: number) => 2 ** ((bucket + 0.5) / BUCKETS_PER_DOUBLING);

/**
 * The median of a histogram ({bucket: count}), as the exact median does it: the middle value, or
 * the mean of the two middle values, each taken as its bucket's middle.
 */
export function histogramMedian(counts: Map<number, number>): number | null {
  const buckets = [...counts.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const [bucket, n] of buckets) {
      seen += n;
      if (rank < seen) return bucketMiddleMs(bucket);
    }
    return bucketMiddleMs(buckets.at(-1)![0]);
  };
  const lower = valueAt(Math.floor((total - 1) / 2));
  const upper = valueAt(Math.floor(total / 2));
  return (lower + upper) / 2;
}
