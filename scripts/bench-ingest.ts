// npm run bench:ingest [-- --db sqlite|postgresql] [--requests N] [--port N] [--fast]
// Starts `next start` on a fresh database, fires signed unique deliveries at concurrency 1, 16 and
// 64, then the same deliveries again (duplicates), and a trivial route of the same server for
// scale. Prints events/s and p50/p95/p99 latency. Load generator and server share the machine, so
// the generator is autocannon (pre-built request buffers on raw keep-alive sockets): Node's
// http.request client used to eat about as much CPU as the server it measured.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { nextStartArgs, serverEnv } from "./next-start.mjs";
import { startThrowawayPostgres } from "./prisma/throwaway-postgres.mjs";
import { databaseSettings } from "./bench/run-context";
import { signDelivery } from "../lib/webhooks/sign";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    requests: { type: "string", default: "2000" },
    port: { type: "string", default: "3200" },
    fast: { type: "boolean", default: false },
  },
});
const SECRET = "whsec_YmVuY2htYXJrLXNlY3JldC1mb3ItZ3JhbnRkZXNr";
const port = Number(values.port);
const perRun = Number(values.requests);
const root = path.resolve(import.meta.dirname, "..");

type Sample = {
  label: string;
  concurrency: number;
  count: number;
  seconds: number;
  latencies: number[];
  statuses: Record<number, number>;
  serverCpuMs: number;
  benchCpuMs: number;
};

let serverPid: number | undefined;

/**
 * CPU time the server process has used (all threads, from /proc; Linux only). Per request it says
 * what a delivery costs the server even when a neighbour on the machine makes throughput noisy.
 */
function serverCpuMs(): number {
  if (!serverPid) return NaN;
  try {
    const fields = fs.readFileSync(`/proc/${serverPid}/stat`, "utf8").split(") ")[1]!.split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100 Hz)
    return ticks * 10;
  } catch {
    return NaN;
  }
}

const benchCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

type Job = {
  method: "GET" | "POST";
  path: string;
  body?: string;
  headers?: Record<string, string>;
};

/**
 * Sends every job exactly once over `concurrency` keep-alive connections and times each answer.
 * autocannon asks setupRequest for each connection's next request, so the jobs are handed out
 * from one shared cursor: unique deliveries stay unique across connections.
 */
function run(label: string, concurrency: number, jobs: Job[]): Promise<Sample> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const cpuBefore = { server: serverCpuMs(), bench: benchCpuMs() };
  const started = performance.now();
  // Timed to the last answer: autocannon reports "done" only on its next one-second tick.
  let finished = started;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: concurrency,
        amount: jobs.length,
        timeout: 30,
        requests: [
          {
            setupRequest: (request) => {
              const job = jobs[next++];
              if (!job) throw new Error(`${label}: more requests asked for than jobs given`);
              const headers = job.body
                ? { ...job.headers, "content-type": "application/json" }
                : (job.headers ?? {});
              return { ...request, method: job.method, path: job.path, body: job.body, headers };
            },
          },
        ],
      },
      (error) => {
        if (error) return reject(error);
        const seconds = (finished - started) / 1000;
        const cpu = {
          serverCpuMs: serverCpuMs() - cpuBefore.server,
          benchCpuMs: benchCpuMs() - cpuBefore.bench,
        };
        resolve({
          label,
          concurrency,
          count: latencies.length,
          seconds,
          latencies: latencies.sort((a, b) => a - b),
          statuses,
          ...cpu,
        });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, ms) => {
      finished = performance.now();
      latencies.push(ms);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
    instance.on("reqError", (error) => reject(error));
  });
}

function report(sample: Sample): string {
  const rate = sample.count / sample.seconds;
  const l = sample.latencies;
  const codes = Object.entries(sample.statuses)
    .map(([code, n]) => `${code}×${n}`)
    .join(" ");
  const cpu = (ms: number) => (ms / sample.count).toFixed(2).padStart(5);
  return `${sample.label.padEnd(16)} c=${String(sample.concurrency).padEnd(3)} ${rate.toFixed(0).padStart(6)}/s  p50 ${percentile(l, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(l, 95).toFixed(1).padStart(6)} ms  p99 ${percentile(l, 99).toFixed(1).padStart(6)} ms  cpu/req server ${cpu(sample.serverCpuMs)} ms, bench ${cpu(sample.benchCpuMs)} ms  [${codes}]`;
}

const TRIVIAL: Job = { method: "GET", path: "/api/health/live" };
const post = (body: string, headers: Record<string, string>): Job => ({
  method: "POST",
  path: "/api/webhooks/dodo",
  body,
  headers,
});

function deliveries(prefix: string, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const id = `grant_bench_${prefix}_${i}`;
    const body = JSON.stringify({
      business_id: "bus_bench",
      type: "entitlement_grant.delivered",
      timestamp: new Date().toISOString(),
      data: {
        payload_type: "EntitlementGrant",
        id,
        business_id: "bus_bench",
        customer_id: `cus_${i % 500}`,
        entitlement_id: "ent_bench",
        status: "Delivered",
        metadata: { i },
        created_at: "2026-03-01T10:00:00Z",
        updated_at: "2026-03-01T10:00:05Z",
        delivered_at: "2026-03-01T10:00:05Z",
        integration_type: "license_key",
        license_key: { key: `KEY-${prefix}-${i}`, activations_used: 0, activations_limit: 3 },
      },
    });
    return { body, webhookId: `msg_bench_${prefix}_${i}` };
  });
}

/** A stale server on the port would be measured instead of ours: refuse to start. */
async function assertPortFree() {
  const answered = await fetch(`http://127.0.0.1:${port}/api/health/live`).then(
    () => true,
    () => false,
  );
  if (answered)
    throw new Error(`something already answers on port ${port}; stop it or pass --port`);
}

/** SIGTERM, then SIGKILL if Next is still draining connections after 5 s. */
async function stopServer(server: ChildProcess) {
  if (!server.pid || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  process.kill(-server.pid, "SIGTERM");
  const timer = setTimeout(() => server.pid && process.kill(-server.pid, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

async function waitForHealth() {
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not become healthy");
}

async function main() {
  if (values.db !== "sqlite" && values.db !== "postgresql")
    throw new Error("--db must be sqlite or postgresql");
  if (!fs.existsSync(path.join(root, ".next/BUILD_ID")))
    spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit" });

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "grantdesk-bench-"));
  // fsync and synchronous_commit on, as a production server runs: a figure quoted for production
  // must pay for the commit a production server pays for (--fast turns them off, as before).
  const postgres =
    values.db === "postgresql"
      ? await startThrowawayPostgres({ durable: !values.fast })
      : undefined;
  const databaseUrl = postgres
    ? postgres.url("grantdesk_bench")
    : `file:${path.join(workDir, "bench.db")}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DODO_PAYMENTS_WEBHOOK_KEY: SECRET,
    AUTH_SECRET: "bench-auth-secret-0123456789abcdef0123",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const migrated = spawnSync("npm", ["run", "--silent", "db:migrate"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (migrated.status !== 0) throw new Error("migration failed");

  await assertPortFree();
  let server: ChildProcess | undefined;
  try {
    server = spawn(process.execPath, nextStartArgs(["-H", "127.0.0.1", "-p", String(port)]), {
      cwd: root,
      env: serverEnv(env),
      stdio: "ignore",
      detached: true,
    });
    serverPid = server.pid;
    await waitForHealth();
    console.log(
      `\nGrantdesk ingestion benchmark — ${values.db}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, ${perRun} requests per run, load average ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(" ")}\n${await databaseSettings(databaseUrl)}\n`,
    );

    // Warm up: JIT, connection pool, first-compile of the routes.
    await run(
      "warm-up",
      8,
      deliveries("warm", 300).map((d) => post(d.body, signDelivery(SECRET, d.body, d.webhookId))),
    );
    await run(
      "warm-up",
      8,
      Array.from({ length: 500 }, () => TRIVIAL),
    );

    const results: Sample[] = [];
    for (const concurrency of [1, 16, 64]) {
      // Signed before the clock starts: signing is the sender's cost, not the server's.
      const batch = deliveries(`c${concurrency}`, perRun);
      results.push(
        await run(
          "new events",
          concurrency,
          batch.map((d) => post(d.body, signDelivery(SECRET, d.body, d.webhookId))),
        ),
      );
      results.push(
        await run(
          "duplicates",
          concurrency,
          batch.map((d) => post(d.body, signDelivery(SECRET, d.body, d.webhookId))),
        ),
      );
      results.push(
        await run(
          "trivial route",
          concurrency,
          Array.from({ length: perRun }, () => TRIVIAL),
        ),
      );
    }
    for (const sample of results) console.log(report(sample));
    console.log(
      `(load average at the end: ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(" ")})`,
    );
    console.log("");
    for (const concurrency of [1, 16, 64]) {
      const rate = (label: string) => {
        const s = results.find((r) => r.label === label && r.concurrency === concurrency)!;
        return s.count / s.seconds;
      };
      console.log(
        `c=${concurrency}: webhook ÷ trivial route = ${(rate("new events") / rate("trivial route")).toFixed(2)}   duplicates ÷ new = ${(rate("duplicates") / rate("new events")).toFixed(2)}`,
      );
    }
  } finally {
    if (server) await stopServer(server);
    await postgres?.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`✖ ${error.message}`);
  process.exit(1);
});
