// The SQLite query thread: Prisma's own better-sqlite3 adapter, run here instead of on the
// server's event loop. better-sqlite3 is synchronous, so on the server's thread every statement a
// page runs held every other request, webhook deliveries included (adapter.ts says why this
// matters). Messages are handled in arrival order, as the adapter would have run them.
import { parentPort, workerData } from "node:worker_threads";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import {
  isDriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import type { QueryReply, QueryRequest, QueryThreadData, ThreadError } from "./protocol";

const { file, busyTimeoutMs, pragmas } = workerData as QueryThreadData;
const port = parentPort!;
const transactions = new Map<number, Transaction>();
let nextTxId = 0;

const connected: Promise<SqlDriverAdapter> = (async () => {
  const adapter = await new PrismaBetterSqlite3({ url: file, timeout: busyTimeoutMs }).connect();
  await adapter.executeScript(pragmas);
  return adapter;
})();

function transaction(txId: number | undefined): Transaction {
  const tx = txId === undefined ? undefined : transactions.get(txId);
  if (!tx) throw new Error(`no open transaction ${txId}`);
  return tx;
}

async function run(request: QueryRequest): Promise<unknown> {
  const adapter = await connected;
  const on = request.txId === undefined ? adapter : transaction(request.txId);
  switch (request.op) {
    case "queryRaw":
      return on.queryRaw(request.query);
    case "executeRaw":
      return on.executeRaw(request.query);
    case "executeScript":
      return adapter.executeScript(request.script);
    case "startTransaction": {
      const tx = await adapter.startTransaction(request.isolationLevel as IsolationLevel);
      const txId = ++nextTxId;
      transactions.set(txId, tx);
      return { txId, options: tx.options };
    }
    case "commit":
    case "rollback": {
      const tx = transaction(request.txId);
      transactions.delete(request.txId!);
      return tx[request.op]();
    }
    case "createSavepoint":
    case "rollbackToSavepoint":
    case "releaseSavepoint":
      return transaction(request.txId)[request.op]?.(request.name);
  }
}

function threadError(error: unknown): ThreadError {
  if (isDriverAdapterError(error))
    return { adapterCause: error.cause as unknown as Record<string, unknown> };
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  return { name, message };
}

port.on("message", (request: QueryRequest) => {
  run(request).then(
    (result) => port.postMessage({ id: request.id, ok: true, result } satisfies QueryReply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        ok: false,
        error: threadError(error),
      } satisfies QueryReply),
  );
});
