// npm run bench:pages [-- --db sqlite|postgresql] [--grants N] [--port N] [--keep]
//                      [--reuse <file|folder|url>] [--only <substring>|=<name>]… [--requests N]
//                      [--slow-requests N] [--rate N] [--json <file>]
// Every dashboard page and /api/v1 route at a merchant's size (issue 13): fills a throwaway
// database with N grants (default 1,000,000) through the bulk path (scripts/bench/, the same rows
// ingestion writes), starts `next start`, signs in as an admin and times each page and route
// with warm-ups and sequential requests, while a second client sends webhook deliveries and
// health probes at a steady rate. Prints p50/p95/max against the targets, the background load's
// latency, the CSV export's rows/s and the server's peak memory. Defaults and targets:
// scripts/bench/page-bench-config.ts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startBackgroundLoad } from "./bench/background-client";
import { openBenchDatabase, type Provider } from "./bench/bench-database";
import {
  backgroundSummary,
  backgroundTable,
  exportTable,
  memoryLine,
  pagesTable,
} from "./bench/bench-report";
import { timeExport, type ExportRun } from "./bench/csv-export";
import { databaseSize, megabytes } from "./bench/database-size";
import { DODO_QUIRKS, type DatasetSpec } from "./bench/grant-deliveries";
import { formatMs, summarise } from "./bench/latency-stats";
import { ensureBuild, startNextServer, stopNextServer } from "./bench/next-server";
import { PAGE_BENCH_DEFAULTS as DEFAULTS } from "./bench/page-bench-config";
import { pageTargets } from "./bench/page-targets";
import { queryRows } from "./bench/raw-query";
import { databaseSettings, loadAverage, machineLine, sampleLoadAverage } from "./bench/run-context";
import { findSampleIds } from "./bench/sample-ids";
import { seedBenchDatabase } from "./bench/seed-database";
import { sampleServerMemory } from "./bench/server-memory";
import { createBenchAdmin, signInAsAdmin } from "./bench/sign-in";
import { timeRequest, timeTarget, type TargetResult } from "./bench/time-target";

const SECRET = "whsec_YmVuY2htYXJrLXBhZ2VzLXNlY3JldC1ncmFudGRlc2s=";
const AUTH_SECRET = "bench-pages-auth-secret-0123456789abcdef";
const root = path.resolve(import.meta.dirname, "..");
const BACKGROUND_WARM_UP_MS = 5_000;

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    grants: { type: "string", default: String(DEFAULTS.grants) },
    port: { type: "string", default: String(DEFAULTS.port) },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
    // Repeatable: the rows whose name contains any of them.
    only: { type: "string", multiple: true },
    requests: { type: "string", default: String(DEFAULTS.requests) },
    "slow-requests": { type: "string", default: String(DEFAULTS.requests) },
    rate: { type: "string", default: String(DEFAULTS.webhooksPerSecond) },
    json: { type: "string" },
  },
});

const log = (line: string) => console.log(line);
// --only takes a substring of a row's name, or `=name` for exactly that row (`--only =/`).
const chosen = (name: string) =>
  !values.only ||
  values.only.some((part) => (part.startsWith("=") ? name === part.slice(1) : name.includes(part)));
const count = (name: string) => {
  const value = Number(values[name as keyof typeof values]);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a whole number ≥ 1`);
  return value;
};

/** The list's 50th page, reached as a person would: following next_cursor 49 times. */
async function page50Cursor(baseUrl: string, cookie: string): Promise<string> {
  let cursor: string | null = null;
  for (let page = 1; page < 50; page++) {
    const query: string = cursor ? `?after=${cursor}` : "";
    const response = await fetch(`${baseUrl}/api/v1/grants${query}`, { headers: { cookie } });
    cursor = ((await response.json()) as { next_cursor: string | null }).next_cursor;
    if (!cursor) throw new Error(`the list has fewer than 50 pages (ended at page ${page})`);
  }
  return cursor!;
}

async function prepareDatabase(provider: Provider) {
  const database = await openBenchDatabase(provider, values.reuse, root);
  let grants = count("grants");
  if (database.fresh) {
    log(`\n▶ Seeding ${grants.toLocaleString("en-US")} grants into ${provider} (bulk path)`);
    const spec = { grants, now: Date.now(), seed: DEFAULTS.datasetSeed, quirks: DODO_QUIRKS };
    const seeded = await seedBenchDatabase(database.url, spec, log);
    log(
      `seeded ${seeded.grants.toLocaleString("en-US")} grants, ${seeded.customers.toLocaleString("en-US")} customers and ${seeded.events.toLocaleString("en-US")} events (${seeded.deliveries.toLocaleString("en-US")} deliveries) in ${(seeded.totalSeconds / 60).toFixed(1)} min (rows ${(seeded.loadSeconds / 60).toFixed(1)} min, indexes ${((seeded.totalSeconds - seeded.loadSeconds) / 60).toFixed(1)} min)`,
    );
  } else {
    const [row] = await queryRows(database.url, `SELECT COUNT(*) AS n FROM "Grant"`);
    grants = Number(row!.n);
    log(`\n▶ Reusing ${values.reuse}: ${grants.toLocaleString("en-US")} grants`);
  }
  const size = await databaseSize(database.url);
  log(
    `database size ${megabytes(size.totalBytes)}: ${size.parts.map(([name, bytes]) => `${name} ${megabytes(bytes)}`).join(", ")}`,
  );
  return { database, grants };
}

async function main() {
  const provider = values.db;
  if (provider !== "sqlite" && provider !== "postgresql")
    throw new Error("--db must be sqlite or postgresql");
  const port = count("port");
  const timing = {
    warmups: DEFAULTS.warmups,
    requests: count("requests"),
    slowRequests: count("slow-requests"),
    slowPageMs: DEFAULTS.slowPageMs,
    timeoutMs: DEFAULTS.requestTimeoutMs,
  };
  log(`Grantdesk page benchmark — ${machineLine()}, load average ${loadAverage()}`);
  ensureBuild(root, log);
  const { database, grants } = await prepareDatabase(provider);
  const env = {
    DATABASE_URL: database.url,
    DODO_PAYMENTS_WEBHOOK_KEY: SECRET,
    AUTH_SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  try {
    log(await databaseSettings(database.url));
    const ids = await findSampleIds(database.url);
    createBenchAdmin(root, env);
    const logFile = path.join(os.tmpdir(), `grantdesk-bench-pages-${process.pid}.log`);
    const server = await startNextServer(root, port, env, logFile);
    const memory = sampleServerMemory(server.pid);
    const loadDuring = sampleLoadAverage();
    let finished = false;
    try {
      const cookie = await signInAsAdmin(server.baseUrl);
      const targets = pageTargets({
        ids,
        page50Cursor: await page50Cursor(server.baseUrl, cookie),
        openedAt: new Date(),
      }).filter((target) => chosen(target.name));
      const spec: DatasetSpec = {
        grants,
        now: Date.now(),
        seed: DEFAULTS.datasetSeed,
        quirks: DODO_QUIRKS,
      };
      const background = startBackgroundLoad(root, {
        baseUrl: server.baseUrl,
        secret: SECRET,
        webhooksPerSecond: count("rate"),
        healthEveryMs: DEFAULTS.healthEveryMs,
        spec,
        // Live grants get indexes no seeded grant and no earlier run has (scrambledIndex is 32-bit).
        firstIndex: 2 ** 31 + Math.floor(Math.random() * 2 ** 30),
      });
      // The background load's own first requests start the ingestion worker and warm its path;
      // they are not what a page does to the others, so they are left out.
      await new Promise((resolve) => setTimeout(resolve, BACKGROUND_WARM_UP_MS));
      log(
        `\n▶ Timing ${targets.length} pages and routes (${timing.warmups} warm-ups, ${timing.requests} timed requests each; ${Math.min(timing.requests, timing.slowRequests)} when the first warm-up takes over ${formatMs(timing.slowPageMs)}), ${count("rate")} webhooks/s and /api/health every ${DEFAULTS.healthEveryMs} ms alongside`,
      );
      // A server in use has rendered every page before. The first render of each page since the
      // start also compiles its code and query shapes, a once-per-process cost: one untimed pass
      // over every row pays it, and the background latency during that pass is reported apart.
      const firstPassFrom = Date.now();
      for (const target of targets)
        await timeRequest(`${server.baseUrl}${target.path}`, cookie, timing.timeoutMs);
      const runsFrom = Date.now();
      const results: TargetResult[] = [];
      for (const [i, target] of targets.entries()) {
        const result = await timeTarget(target, { baseUrl: server.baseUrl, cookie, ...timing });
        memory.sampleNow();
        const latency = summarise(result.samples.map((s) => s.ms));
        log(
          `[${i + 1}/${targets.length}] ${target.name}: p50 ${formatMs(latency.p50)}, p95 ${formatMs(latency.p95)}`,
        );
        results.push(result);
      }
      const exportUrl = `${server.baseUrl}/api/v1/grants/export?${DEFAULTS.exportQuery}`;
      const exports: ExportRun[] = [];
      const exportWarmUp: ExportRun[] = [];
      if (chosen("/api/v1/grants/export")) {
        log(
          `\n▶ CSV export of ${DEFAULTS.exportQuery}: a warm-up, then ${DEFAULTS.exportRuns} runs`,
        );
        const warmUp = await timeExport(exportUrl, cookie, DEFAULTS.exportTimeoutMs);
        exportWarmUp.push(warmUp);
        // An export that cannot finish once would not finish three times either.
        const runs = warmUp.status === "200" ? DEFAULTS.exportRuns : 0;
        for (let run = 0; run < runs; run++) {
          exports.push(await timeExport(exportUrl, cookie, DEFAULTS.exportTimeoutMs));
          memory.sampleNow();
        }
      }
      const everySample = await background.stop().catch((error: Error) => {
        log(`✖ the background load failed (${error.message}); its latencies are missing`);
        return [];
      });
      const firstPass = everySample.filter(
        (s) => s.startedAt >= firstPassFrom && s.startedAt < runsFrom,
      );
      const samples = everySample.filter((s) => s.startedAt >= runsFrom);
      const runsTo = Date.now();

      log(`\n${pagesTable(results, samples, memory)}`);
      if (exportWarmUp.length)
        log(`\n${exportTable(DEFAULTS.exportQuery, exportWarmUp[0]!, exports, memory)}`);
      log(`\nDuring the page runs (${((runsTo - runsFrom) / 60_000).toFixed(1)} min):`);
      log(
        backgroundTable(samples, [
          ...results.map((r) => ({ name: r.target.name, ...r })),
          ...exportWarmUp.map((run) => ({ name: "CSV export, warm-up", ...run })),
          ...exports.map((run, i) => ({ name: `CSV export, run ${i + 1}`, ...run })),
        ]),
      );
      log(
        `\nDuring the untimed first pass (every row once, its first render since the server started; ${((runsFrom - firstPassFrom) / 1000).toFixed(1)} s):`,
      );
      log(backgroundSummary(firstPass));
      log(memoryLine(memory, runsFrom, runsTo));
      log(`${loadDuring.summary()}; at the end ${loadAverage()}`);
      if (values.json)
        fs.writeFileSync(
          values.json,
          JSON.stringify({ provider, grants, machine: machineLine(), results, exports, samples }),
        );
      finished = true;
    } finally {
      memory.stop();
      loadDuring.stop();
      await stopNextServer(server);
      if (finished) fs.rmSync(logFile, { force: true });
      else log(`the server's output is in ${logFile}`);
    }
  } finally {
    await database.dispose(values.keep);
    if (values.keep)
      log(
        `\nKept the database. Time the pages on it again with:\n  npm run bench:pages -- --db ${provider} --reuse ${database.reuseArgument}`,
      );
  }
}

main().catch((error: Error) => {
  console.error(`✖ ${error.stack ?? error.message}`);
  process.exit(1);
});
