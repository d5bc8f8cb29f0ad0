// The second client during the page runs (its own process, so the pages' client cannot delay it):
// signed webhook deliveries of new grants at a steady rate, and GET /api/health on a fixed
// period. Open loop — each request leaves on schedule whether or not the last one answered —
// so a server that stalls shows up as latency, as it would for Dodo. Started and stopped by
// background-client.ts over IPC; answers with every request's start time, latency and status.
import { signDelivery } from "../../lib/webhooks/sign";
import type { ArrivingDelivery } from "./delivery-rows";
import { liveGrantDeliveries, type DatasetSpec } from "./grant-deliveries";

export type BackgroundConfig = {
  baseUrl: string;
  secret: string;
  webhooksPerSecond: number;
  healthEveryMs: number;
  spec: DatasetSpec;
  /** Grant indexes from here on: outside the seeded ones, and new on every run. */
  firstIndex: number;
};
export type BackgroundSample = {
  kind: "webhook" | "health";
  startedAt: number;
  ms: number;
  status: string;
};

/** Dodo waits 15 s; anything slower than this is simply a failure. */
const REQUEST_TIMEOUT_MS = 30_000;

const config = JSON.parse(process.env.BENCH_BACKGROUND ?? "null") as BackgroundConfig;
const samples: BackgroundSample[] = [];
const inFlight = new Set<Promise<void>>();
let stopping = false;

/** fetch's "fetch failed" says nothing: its cause names the socket error (ECONNRESET, UND_ERR_SOCKET…). */
function failureOf(error: Error): string {
  const cause = error.cause as { code?: string; name?: string } | undefined;
  return `error:${cause?.code ?? cause?.name ?? error.name}`;
}

function timed(kind: BackgroundSample["kind"], request: () => Promise<Response>) {
  const startedAt = Date.now();
  const started = performance.now();
  const done = request()
    .then(async (response) => {
      await response.arrayBuffer();
      return String(response.status);
    })
    .catch((error: Error) => (error.name === "TimeoutError" ? "timeout" : failureOf(error)))
    .then((status) => {
      samples.push({ kind, startedAt, ms: performance.now() - started, status });
      inFlight.delete(done);
    });
  inFlight.add(done);
}

let nextIndex = config.firstIndex;
let queue: ArrivingDelivery[] = [];
function nextDelivery(): ArrivingDelivery {
  while (queue.length === 0) queue = liveGrantDeliveries(config.spec, nextIndex++, Date.now());
  return queue.shift()!;
}

function sendWebhook() {
  const { webhookId, body } = nextDelivery();
  timed("webhook", () =>
    fetch(`${config.baseUrl}/api/webhooks/dodo`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...signDelivery(config.secret, body, webhookId),
      },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    }),
  );
}

const probeHealth = () =>
  timed("health", () =>
    fetch(`${config.baseUrl}/api/health`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }),
  );

/** Calls `send` every `everyMs`, on an absolute schedule so that a late tick does not shift the rest. */
function every(everyMs: number, send: () => void) {
  const start = performance.now();
  let n = 0;
  const tick = () => {
    if (stopping) return;
    send();
    n++;
    setTimeout(tick, Math.max(0, start + n * everyMs - performance.now()));
  };
  tick();
}

every(1_000 / config.webhooksPerSecond, sendWebhook);
every(config.healthEveryMs, probeHealth);

process.on("message", (message) => {
  if (message !== "stop") return;
  stopping = true;
  void Promise.all(inFlight).then(() => {
    process.send!(samples, () => process.exit(0));
  });
});
