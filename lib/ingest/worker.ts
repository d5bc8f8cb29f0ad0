// The ingestion worker: a thread of its own that parses and stores verified webhook deliveries
// (see worker-client.ts for why). It opens its own database connection: connections cannot be
// shared across threads. On SQLite its writes are group-committed like before, now off the
// server's event loop.
import { parentPort, workerData } from "node:worker_threads";
import { openDriver, type Driver } from "@/lib/db-driver";
import { coalescePerTurn } from "./coalesce-per-turn";
import { answerDelivery, type Answer, type VerifiedBody } from "./answer";

export type IngestWorkerData = { databaseUrl: string; pgPoolSize: number };
export type IngestRequest = VerifiedBody & { id: number };
export type IngestReply = { id: number; answer: Answer };

const { databaseUrl, pgPoolSize } = workerData as IngestWorkerData;
let driver: Driver | undefined;
// Opened on first use, and tried again on the next delivery if opening failed (a folder that was
// missing, a file that was locked).
const currentDriver = () => (driver ??= openDriver(databaseUrl, { pgPoolSize }));

const port = parentPort!;
const reply = coalescePerTurn<IngestReply>((replies) => port.postMessage(replies));

port.on("message", (requests: IngestRequest[]) => {
  for (const request of requests) {
    void answerDelivery(currentDriver, request).then(
      (answer) => reply({ id: request.id, answer }),
      (error: unknown) => {
        console.error("webhook: unexpected error", error instanceof Error ? error.stack : error);
        reply({
          id: request.id,
          answer: {
            status: 500,
            body: { error: "internal error" },
            log: { type: null, grantId: null, outcome: "error" },
          },
        });
      },
    );
  }
});
