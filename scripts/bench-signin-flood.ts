// npm run bench:signin-flood [-- --port N --rate N --requests N]
// What a sign-in flood costs everyone else. Starts `next start` (the last `npx next build`; this
// script builds nothing) on a throwaway SQLite file with an admin and some grants, then measures
// a signed-in GET /grants and a signed webhook delivery, one request at a time: first at rest,
// then while a second process floods POST /api/auth/sign-in/email with `--rate` attempts a
// second, half from many addresses (a loopback source address, an X-Forwarded-For and an unknown
// email chosen at random per attempt) and half from one address against the admin's account.
// Prints p50/p95 of both, the flood ÷ rest ratios (target: within 2x) and the load average.
// Every request goes to 127.0.0.0/8 on this machine; the flood stops by itself.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { signDelivery } from "../lib/webhooks/sign";
import { nextStartArgs, serverEnv } from "./next-start.mjs";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3210" },
    rate: { type: "string", default: "50" },
    requests: { type: "string", default: "150" },
    flood: { type: "boolean", default: false },
    "flood-seconds": { type: "string", default: "120" },
    email: { type: "string", default: "" },
  },
});
const port = Number(values.port);
const origin = `http://127.0.0.1:${port}`;
const root = path.resolve(import.meta.dirname, "..");
const SECRET = "whsec_YmVuY2htYXJrLXNpZ24taW4tZmxvb2Qtc2VjcmV0";
const ADMIN_EMAIL = "admin@bench.grantdesk.test";

const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// The flooder (this same file, run as a child process with --flood).

/** The answer's status, or why there was none (a refused or timed-out connection). */
function attempt(body: object, localAddress: string, headers: Record<string, string>) {
  return new Promise<number | string>((resolve) => {
    const payload = JSON.stringify(body);
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/auth/sign-in/email",
        localAddress,
        agent: false,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          origin,
          ...headers,
        },
        timeout: 30_000,
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.end(payload);
  });
}

const randomByte = () => 2 + crypto.randomInt(250);

async function flood() {
  const rate = Number(values.rate);
  const deadline = Date.now() + Number(values["flood-seconds"]) * 1000;
  const statuses: Record<string, number> = {};
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  process.on("SIGTERM", () => (stopping = true));
  for (let i = 0; !stopping && Date.now() < deadline; i++) {
    const started = Date.now();
    const many = i % 2 === 0;
    const sent = many
      ? attempt(
          {
            email: `nobody-${crypto.randomUUID()}@bench.grantdesk.test`,
            password: "wrong-password-123",
          },
          `127.0.${randomByte()}.${randomByte()}`,
          { "x-forwarded-for": `198.18.${randomByte()}.${randomByte()}` },
        )
      : attempt({ email: values.email, password: "wrong-password-123" }, "127.0.0.2", {});
    // Open loop, but never more than 500 unanswered: the flood must not grow without bound.
    if (inFlight.size < 500) {
      const tracked: Promise<void> = sent.then((status) => {
        statuses[status] = (statuses[status] ?? 0) + 1;
        inFlight.delete(tracked);
      });
      inFlight.add(tracked);
    }
    await sleep(Math.max(0, 1000 / rate - (Date.now() - started)));
  }
  await Promise.all(inFlight);
  process.stdout.write(JSON.stringify(statuses));
}

// ---------------------------------------------------------------------------------------------
// The benchmark.

type Probe = {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
};

/** Sends the requests one at a time over one keep-alive connection; latencies in ms, sorted. */
function measure(requests: Probe[]): Promise<{ latencies: number[]; statuses: string }> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections: 1,
        amount: requests.length,
        timeout: 60,
        requests: [{ setupRequest: (request) => ({ ...request, ...requests[next++]! }) }],
      },
      (error) => {
        if (error) return reject(error);
        const codes = Object.entries(statuses).map(([code, n]) => `${code}×${n}`);
        resolve({ latencies: latencies.sort((a, b) => a - b), statuses: codes.join(" ") });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, ms) => {
      latencies.push(ms);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

let deliverySequence = 0;
function deliveries(count: number): Probe[] {
  return Array.from({ length: count }, () => {
    const i = deliverySequence++;
    const body = JSON.stringify({
      business_id: "bus_bench",
      type: "entitlement_grant.delivered",
      timestamp: new Date().toISOString(),
      data: {
        payload_type: "EntitlementGrant",
        id: `grant_flood_${i}`,
        business_id: "bus_bench",
        customer_id: `cus_${i % 50}`,
        entitlement_id: "ent_bench",
        status: "Delivered",
        metadata: {},
        created_at: "2026-03-01T10:00:00Z",
        updated_at: "2026-03-01T10:00:05Z",
        delivered_at: "2026-03-01T10:00:05Z",
        integration_type: "license_key",
        license_key: { key: `KEY-FLOOD-${i}`, activations_used: 0, activations_limit: 3 },
      },
    });
    return {
      method: "POST",
      path: "/api/webhooks/dodo",
      headers: { "content-type": "application/json", ...signDelivery(SECRET, body) },
      body,
    };
  });
}

async function waitForHealth() {
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(`${origin}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(250);
  }
  throw new Error("the server did not become healthy");
}

async function signIn(password: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email: ADMIN_EMAIL, password }),
  });
  if (!response.ok) throw new Error(`signing in answered ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

type Phase = {
  grants: Awaited<ReturnType<typeof measure>>;
  webhooks: Awaited<ReturnType<typeof measure>>;
  /** The server's CPU time (all threads) over the phase's wall time, in cores. */
  serverCores: number;
};

let serverPid: number | undefined;

/** CPU milliseconds the server process has used, all threads (Linux /proc; NaN elsewhere). */
function serverCpuMs(): number {
  try {
    const fields = fs.readFileSync(`/proc/${serverPid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, 100 Hz ticks
  } catch {
    return NaN;
  }
}

async function measurePhase(cookie: string): Promise<Phase> {
  const count = Number(values.requests);
  const page: Probe = { method: "GET", path: "/grants", headers: { cookie } };
  const [cpuBefore, started] = [serverCpuMs(), performance.now()];
  const grants = await measure(Array.from({ length: count }, () => page));
  const webhooks = await measure(deliveries(count));
  const serverCores = (serverCpuMs() - cpuBefore) / (performance.now() - started);
  return { grants, webhooks, serverCores };
}

async function startFlood(): Promise<{ child: ChildProcess; result: Promise<string> }> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(import.meta.dirname, "bench-signin-flood.ts"),
      "--flood",
      "--port",
      String(port),
      "--rate",
      String(values.rate),
      "--email",
      ADMIN_EMAIL,
    ],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const result = new Promise<string>((resolve) => child.on("exit", () => resolve(output)));
  return { child, result };
}

function line(label: string, rest: Phase, flooded: Phase, key: "grants" | "webhooks") {
  const ms = (phase: Phase, p: number) => percentile(phase[key].latencies, p);
  const cell = (phase: Phase) =>
    `p50 ${ms(phase, 50).toFixed(1).padStart(7)} ms  p95 ${ms(phase, 95).toFixed(1).padStart(7)} ms`;
  const ratio = (p: number) => (ms(flooded, p) / ms(rest, p)).toFixed(2);
  return `${label.padEnd(18)} rest ${cell(rest)}   flood ${cell(flooded)}   ratio p50 ${ratio(50)}x p95 ${ratio(95)}x   [${rest[key].statuses} | ${flooded[key].statuses}]`;
}

async function stopServer(server: ChildProcess) {
  if (!server.pid || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  process.kill(-server.pid, "SIGTERM");
  const timer = setTimeout(() => server.pid && process.kill(-server.pid, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

async function bench() {
  if (!fs.existsSync(path.join(root, ".next/BUILD_ID")))
    throw new Error("no build to start: run `npx next build` first");
  if (
    await fetch(`${origin}/api/health/live`).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`something already answers on port ${port}; stop it or pass --port`);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "grantdesk-signin-flood-"));
  const password = crypto.randomBytes(18).toString("base64url");
  const env = {
    ...process.env,
    DATABASE_URL: `file:${path.join(workDir, "bench.db")}`,
    DODO_PAYMENTS_WEBHOOK_KEY: SECRET,
    AUTH_SECRET: "bench-auth-secret-0123456789abcdef0123",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const setup = (args: string[]) => {
    const result = spawnSync("npm", ["run", "--silent", ...args], {
      cwd: root,
      env,
      stdio: "pipe",
    });
    if (result.status !== 0) throw new Error(`npm run ${args[0]} failed: ${result.stderr}`);
  };
  setup(["db:migrate"]);
  setup(["user:create", "--", "--email", ADMIN_EMAIL, "--password", password, "--role", "admin"]);
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
    const cookie = await signIn(password);
    await measure(deliveries(300)); // grants for the page to list, and the routes compiled and warm
    await measurePhase(cookie);
    console.log(
      `\nSign-in flood benchmark — ${os.cpus().length} cores, Node ${process.version}, ${values.requests} requests per probe, flood ${values.rate}/s\nload average before: ${loadAverage()}`,
    );
    const rest = await measurePhase(cookie);
    console.log(`load average at rest: ${loadAverage()}`);
    const flooder = await startFlood();
    await sleep(3_000);
    const flooded = await measurePhase(cookie);
    const loadInFlood = loadAverage();
    flooder.child.kill("SIGTERM");
    const floodStatuses = await flooder.result;
    console.log(`load average in the flood: ${loadInFlood}`);
    const cores = (phase: Phase) => phase.serverCores.toFixed(2);
    console.log(`server CPU, in cores: at rest ${cores(rest)}, in the flood ${cores(flooded)}`);
    console.log(`flood answers (status: count): ${floodStatuses}\n`);
    console.log(line("GET /grants", rest, flooded, "grants"));
    console.log(line("POST webhook", rest, flooded, "webhooks"));
    console.log("");
  } finally {
    if (server) await stopServer(server);
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

(values.flood ? flood() : bench()).catch((error: Error) => {
  console.error(`✖ ${error.message}`);
  process.exit(1);
});
