// The benchmark's tables: every page and route against its target, the background load's
// latency and when its worst requests happened, the CSV export, and the server's memory.
import type { BackgroundSample } from "./background-load";
import type { ExportRun } from "./csv-export";
import { formatMs, summarise } from "./latency-stats";
import { PAGE_BENCH_TARGETS as TARGETS } from "./page-bench-config";
import type { MemorySampler } from "./server-memory";
import type { TargetResult } from "./time-target";

const budgetMs = (result: TargetResult) =>
  result.target.budget === "lookup" ? TARGETS.lookupP95Ms : TARGETS.pageP95Ms;

function statusCounts(statuses: string[]): string {
  const counts = new Map<string, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${status}×${n}`).join(" ");
}

const during = (samples: BackgroundSample[], from: number, to: number) =>
  samples.filter((s) => s.startedAt >= from && s.startedAt <= to);

const row = (cells: string[], widths: number[]) =>
  cells
    .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
    .join("  ");

export function pagesTable(
  results: TargetResult[],
  background: BackgroundSample[],
  memory: MemorySampler,
): string {
  const widths = [62, 3, 9, 9, 9, 11, 8, 4, 9, 6];
  const lines = [
    row(
      ["page or route", "n", "p50", "p95", "max", "statuses", "target", "", "bg max", "RSS MB"],
      widths,
    ),
  ];
  for (const result of results) {
    const latency = summarise(result.samples.map((s) => s.ms));
    const statuses = result.samples.map((s) => s.status);
    const allOk = statuses.every((s) => s === "200");
    const met = allOk && latency.p95 < budgetMs(result);
    const bg = during(background, result.startedAt, result.endedAt).map((s) => s.ms);
    lines.push(
      row(
        [
          result.target.name + (result.slowAfterMs === null ? "" : " *"),
          String(latency.count),
          formatMs(latency.p50),
          formatMs(latency.p95),
          formatMs(latency.max),
          statusCounts(statuses),
          `< ${budgetMs(result)} ms`,
          !allOk ? "ERR" : met ? "ok" : "MISS",
          bg.length ? formatMs(Math.max(...bg)) : "—",
          memory.peakMb(result.startedAt, result.endedAt).toFixed(0),
        ],
        widths,
      ),
    );
  }
  const slow = results.filter((r) => r.slowAfterMs !== null);
  if (slow.length)
    lines.push(
      `* first warm-up slower than ${formatMs(slow[0]!.slowAfterMs!)}: ${slow[0]!.samples.length} timed requests instead of the usual count (--slow-requests)`,
    );
  lines.push(
    "bg max: the slowest background request (webhook or /api/health) that started while this row ran; RSS: the server's peak resident memory meanwhile",
  );
  return lines.join("\n");
}

/** What was being timed from when to when: each page or route, each export run. */
export type Window = {
  name: string;
  startedAt: number;
  /** Pages and routes: when the warm-ups ended and the timed requests began. */
  timedFrom?: number;
  endedAt: number;
};

/** " (warm-up)" when a moment fell in a row's warm-ups rather than its timed requests. */
const phaseOf = (window: Window, at: number) =>
  window.timedFrom !== undefined && at < window.timedFrom ? " (warm-up)" : "";

/** The background load's latency per kind, against the target. */
export function backgroundSummary(samples: BackgroundSample[]): string {
  const lines: string[] = [];
  for (const kind of ["webhook", "health"] as const) {
    const own = samples.filter((s) => s.kind === kind);
    const latency = summarise(own.map((s) => s.ms));
    const met = latency.p99 < TARGETS.backgroundP99Ms && own.every((s) => s.status === "200");
    lines.push(
      `${kind === "webhook" ? "webhook deliveries" : "GET /api/health   "}  n=${latency.count}  p50 ${formatMs(latency.p50)}  p95 ${formatMs(latency.p95)}  p99 ${formatMs(latency.p99)}  max ${formatMs(latency.max)}  [${statusCounts(own.map((s) => s.status))}]  target p99 < ${TARGETS.backgroundP99Ms} ms: ${met ? "ok" : "MISS"}`,
    );
  }
  return lines.join("\n");
}

/** The background load's latency per kind, and its worst requests with what was running then. */
export function backgroundTable(samples: BackgroundSample[], windows: Window[]): string {
  const lines = [backgroundSummary(samples)];
  const runningAt = (at: number) => {
    const window = windows.find((w) => at >= w.startedAt && at <= w.endedAt);
    return window ? `${window.name}${phaseOf(window, at)}` : "(between pages)";
  };
  lines.push("slowest background requests, and the page or route being timed when they started:");
  for (const sample of [...samples].sort((a, b) => b.ms - a.ms).slice(0, 8))
    lines.push(
      `  ${formatMs(sample.ms).padStart(9)}  ${sample.kind.padEnd(7)} ${sample.status.padEnd(7)} during ${runningAt(sample.startedAt)}`,
    );
  return lines.join("\n");
}

export function exportTable(
  query: string,
  warmUp: ExportRun,
  runs: ExportRun[],
  memory: MemorySampler,
): string {
  const lines = [`CSV export /api/v1/grants/export?${query}`];
  for (const [label, run] of [
    ["warm-up", warmUp] as const,
    ...runs.map((r) => ["run", r] as const),
  ]) {
    const rate = run.rows / (run.ms / 1000);
    lines.push(
      `  ${label.padEnd(7)} ${run.rows.toLocaleString("en-US")} rows, ${(run.bytes / 1_048_576).toFixed(1)} MB in ${formatMs(run.ms)} (first byte ${formatMs(run.firstByteMs)}): ${Math.round(rate).toLocaleString("en-US")} rows/s [${run.status}]  target ≥ ${TARGETS.csvRowsPerSecond.toLocaleString("en-US")} rows/s: ${rate >= TARGETS.csvRowsPerSecond && run.status === "200" ? "ok" : "MISS"}  server RSS peak ${memory.peakMb(run.startedAt, run.endedAt).toFixed(0)} MB`,
    );
  }
  return lines.join("\n");
}

export function memoryLine(memory: MemorySampler, from: number, to: number): string {
  const peak = memory.peakMb(from, to);
  const highWater = Object.entries(memory.highWaterMb())
    .map(([pid, mb]) => `pid ${pid} ${mb.toFixed(0)} MB`)
    .join(", ");
  return `server peak RSS (sampled every 200 ms, the process and its children): ${peak.toFixed(0)} MB — target < ${TARGETS.serverRssMb} MB: ${peak < TARGETS.serverRssMb ? "ok" : "MISS"}; VmHWM: ${highWater}`;
}
