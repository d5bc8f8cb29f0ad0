// Verified webhook deliveries are parsed and stored in a worker thread (worker.ts); the
// server's own thread reads the body, checks the signature and sends the answer. A Next.js server
// runs every request on one event loop, and a delivery's own work — zod, building the rows, the
// database driver, and on SQLite better-sqlite3's synchronous statements and the commit's fsync —
// is a large share of a delivery's cost, all on that one loop. In the worker it runs on another
// core, and a burst of webhooks no longer stalls the dashboard's pages (measurements in
// docs/performance.md).
//
// The answer still comes only after the worker has committed the delivery. If the worker dies or
// does not answer in time, the delivery is answered 503 and Dodo redelivers it (webhook-ids make
// a redelivery of something that was in fact stored a duplicate).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { coalescePerTurn } from "./coalesce-per-turn";
import type { IngestReply, IngestRequest, IngestWorkerData } from "./worker";
import { unavailableAnswer, type Answer, type VerifiedBody } from "./answer";

/** Well inside Dodo's 15 s timeout: a late 503 is better than Dodo's timeout (both are retried). */
const ANSWER_TIMEOUT_MS = 10_000;

type Waiting = { resolve: (answer: Answer) => void; timer: NodeJS.Timeout };
type IngestThread = {
  databaseUrl: string;
  worker: Worker;
  waiting: Map<number, Waiting>;
  nextId: number;
  send: (request: IngestRequest) => void;
};

// On globalThis: dev-mode reloads and test files share one worker per database.
const globalForIngest = globalThis as unknown as { grantdeskIngestThread?: IngestThread };

/**
 * Under Next the worker is bundled JavaScript (Turbopack bundles `new Worker(new URL(…))`); run
 * from source (tests, scripts) it is TypeScript, loaded through tsx.
 */
function spawnWorker(workerData: IngestWorkerData): Worker {
  // Turbopack recognises the worker only in this exact form, options as an object literal.
  if (process.env.NEXT_RUNTIME)
    return new Worker(new URL("./worker.ts", import.meta.url), { workerData });
  const source = path.join(path.dirname(fileURLToPath(import.meta.url)), "worker.ts");
  return new Worker(`require("tsx/cjs"); require(${JSON.stringify(source)});`, {
    workerData,
    eval: true,
  });
}

function startThread(databaseUrl: string, pgPoolSize: number): IngestThread {
  const worker = spawnWorker({ databaseUrl, pgPoolSize });
  // Not a reason to keep a script or test process alive on its own.
  worker.unref();
  const send = coalescePerTurn<IngestRequest>((requests) => worker.postMessage(requests));
  const thread: IngestThread = { databaseUrl, worker, waiting: new Map(), nextId: 0, send };

  worker.on("message", (replies: IngestReply[]) => {
    for (const { id, answer } of replies) {
      const waiting = thread.waiting.get(id);
      if (!waiting) continue; // answered 503 already (timeout)
      thread.waiting.delete(id);
      clearTimeout(waiting.timer);
      waiting.resolve(answer);
    }
  });
  const stopped = (reason: string) => {
    if (globalForIngest.grantdeskIngestThread === thread)
      globalForIngest.grantdeskIngestThread = undefined;
    for (const waiting of thread.waiting.values()) {
      clearTimeout(waiting.timer);
      waiting.resolve(unavailableAnswer(reason));
    }
    thread.waiting.clear();
  };
  worker.on("error", (error) => {
    console.error("webhook: the ingestion worker failed", error.stack ?? error);
    stopped("ingestion worker failed, retry later");
  });
  worker.on("exit", () => stopped("ingestion worker stopped, retry later"));
  return thread;
}

function threadFor({ databaseUrl, pgPoolSize }: IngestWorkerData): IngestThread {
  const current = globalForIngest.grantdeskIngestThread;
  if (current?.databaseUrl === databaseUrl) return current;
  if (current) void current.worker.terminate();
  return (globalForIngest.grantdeskIngestThread = startThread(databaseUrl, pgPoolSize));
}

/**
 * Parses and stores one verified delivery in the worker; resolves with the answer to send. The
 * worker's PostgreSQL pool (pgPoolSize connections, GRANTDESK_WEBHOOK_POOL_MAX) is its own:
 * Prisma's on the main thread is separate, a connection cannot cross threads.
 */
export function answerInWorker(
  database: IngestWorkerData,
  delivery: VerifiedBody,
): Promise<Answer> {
  const thread = threadFor(database);
  const id = thread.nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      thread.waiting.delete(id);
      resolve(unavailableAnswer("storing the delivery took too long, retry later"));
    }, ANSWER_TIMEOUT_MS);
    thread.waiting.set(id, { resolve, timer });
    thread.send({ id, ...delivery });
  });
}
