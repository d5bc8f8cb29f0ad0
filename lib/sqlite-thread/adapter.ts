// Prisma's SQLite adapter, run on its own thread (worker.ts). better-sqlite3's statements are
// synchronous: on the server's thread, a page's statements held the event loop, and with it every
// other request. At 1,000,000 grants one overview held the server for 30 s and webhook deliveries
// timed out; even with every page fast, deliveries waited for whatever page was rendering (p99
// 216 ms against a 100 ms target, docs/performance.md). Here the statements run on another core
// and the server's thread only posts them and awaits the answer, so a delivery is answered while
// a page's query runs. Same connection semantics as the adapter it wraps: one connection, its
// statements in order, a transaction holding it until commit or rollback.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
  type TransactionOptions,
} from "@prisma/driver-adapter-utils";
import type { QueryReply, QueryRequest, QueryThreadData, ThreadError } from "./protocol";

const ADAPTER_NAME = "@prisma/adapter-better-sqlite3";

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Unsent = QueryRequest extends infer R ? (R extends unknown ? Omit<R, "id"> : never) : never;

/** Under Next the worker is bundled (Turbopack needs this exact form); from source, via tsx. */
function spawnWorker(workerData: QueryThreadData): Worker {
  if (process.env.NEXT_RUNTIME)
    return new Worker(new URL("./worker.ts", import.meta.url), { workerData });
  const source = path.join(path.dirname(fileURLToPath(import.meta.url)), "worker.ts");
  return new Worker(`require("tsx/cjs"); require(${JSON.stringify(source)});`, {
    workerData,
    eval: true,
  });
}

function toError(error: ThreadError): Error {
  if ("adapterCause" in error)
    return new DriverAdapterError(
      error.adapterCause as ConstructorParameters<typeof DriverAdapterError>[0],
    );
  return Object.assign(new Error(error.message), { name: error.name });
}

/** One query thread: requests out, replies matched back by id. A dead thread is replaced. */
class QueryThread {
  #worker: Worker | null = null;
  #pending = new Map<number, Pending>();
  #nextId = 0;

  constructor(private readonly data: QueryThreadData) {}

  #start(): Worker {
    const worker = spawnWorker(this.data);
    // Not a reason to keep a script or test process alive on its own.
    worker.unref();
    worker.on("message", (reply: QueryReply) => {
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(toError(reply.error));
    });
    const stopped = (why: Error) => {
      if (this.#worker === worker) this.#worker = null;
      for (const pending of this.#pending.values()) pending.reject(why);
      this.#pending.clear();
    };
    worker.on("error", (error) => {
      console.error("database: the SQLite query thread failed", error.stack ?? error);
      stopped(new Error("the SQLite query thread failed"));
    });
    worker.on("exit", () => stopped(new Error("the SQLite query thread stopped")));
    return worker;
  }

  send<T>(request: Unsent): Promise<T> {
    this.#worker ??= this.#start();
    const id = ++this.#nextId;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker!.postMessage({ ...request, id } as QueryRequest);
    });
  }

  async stop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    await worker?.terminate();
  }
}

class ThreadQueryable {
  readonly provider = "sqlite" as const;
  readonly adapterName = ADAPTER_NAME;
  constructor(
    protected readonly thread: QueryThread,
    protected readonly txId?: number,
  ) {}
  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.thread.send({ op: "queryRaw", query, txId: this.txId });
  }
  executeRaw(query: SqlQuery): Promise<number> {
    return this.thread.send({ op: "executeRaw", query, txId: this.txId });
  }
}

class ThreadTransaction extends ThreadQueryable implements Transaction {
  constructor(
    thread: QueryThread,
    txId: number,
    readonly options: TransactionOptions,
  ) {
    super(thread, txId);
  }
  commit(): Promise<void> {
    return this.thread.send({ op: "commit", txId: this.txId });
  }
  rollback(): Promise<void> {
    return this.thread.send({ op: "rollback", txId: this.txId });
  }
  createSavepoint(name: string): Promise<void> {
    return this.thread.send({ op: "createSavepoint", name, txId: this.txId });
  }
  rollbackToSavepoint(name: string): Promise<void> {
    return this.thread.send({ op: "rollbackToSavepoint", name, txId: this.txId });
  }
  releaseSavepoint(name: string): Promise<void> {
    return this.thread.send({ op: "releaseSavepoint", name, txId: this.txId });
  }
}

class ThreadAdapter extends ThreadQueryable implements SqlDriverAdapter {
  executeScript(script: string): Promise<void> {
    return this.thread.send({ op: "executeScript", script });
  }
  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const { txId, options } = await this.thread.send<{ txId: number; options: TransactionOptions }>(
      { op: "startTransaction", isolationLevel },
    );
    return new ThreadTransaction(this.thread, txId, options);
  }
  dispose(): Promise<void> {
    return this.thread.stop();
  }
}

/** A driver adapter factory for Prisma whose statements run on the SQLite query thread. */
export class PrismaSqliteOnThread implements SqlDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName = ADAPTER_NAME;
  constructor(private readonly data: QueryThreadData) {}
  async connect(): Promise<SqlDriverAdapter> {
    return new ThreadAdapter(new QueryThread(this.data));
  }
}
