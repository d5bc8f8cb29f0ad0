// The page benchmark's defaults and the targets it marks results against, in one place
// (issue 13: every page and route fast at 1,000,000 grants).

export const PAGE_BENCH_DEFAULTS = {
  grants: 1_000_000,
  port: 3500,
  /** Timed requests per page or route, after the warm-ups. */
  requests: 20,
  warmups: 2,
  /** A page whose first warm-up takes longer gets --slow-requests timed requests instead. */
  slowPageMs: 5_000,
  requestTimeoutMs: 120_000,
  /** The background load during the page runs: new deliveries per second, and a health probe. */
  webhooksPerSecond: 20,
  healthEveryMs: 200,
  /** The CSV export is timed on its own: whole exports of a large filtered set. */
  exportRuns: 3,
  exportQuery: "status=Revoked",
  /** A whole export may take minutes before the fix; a run cut off here reports what it got. */
  exportTimeoutMs: 600_000,
  datasetSeed: 20_261_201,
} as const;

export const PAGE_BENCH_TARGETS = {
  /** Every dashboard page and /api/v1 route but the CSV export, complete response. */
  pageP95Ms: 150,
  /** A grant page, and any search by id or by a license key's suffix. */
  lookupP95Ms: 50,
  csvRowsPerSecond: 20_000,
  serverRssMb: 512,
  /** Webhook deliveries and /api/health while the pages are timed. */
  backgroundP99Ms: 100,
} as const;
