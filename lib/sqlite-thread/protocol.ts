// The messages between the server's thread and the SQLite query thread (worker.ts). Structured
// clone carries the queries and result sets as they are (strings, numbers, bigints, bytes).
import type { SqlQuery } from "@prisma/driver-adapter-utils";

export type QueryThreadData = { file: string; busyTimeoutMs: number; pragmas: string };

export type QueryRequest = { id: number; txId?: number } & (
  | { op: "queryRaw" | "executeRaw"; query: SqlQuery }
  | { op: "executeScript"; script: string }
  | { op: "startTransaction"; isolationLevel?: string }
  | { op: "commit" | "rollback" }
  | { op: "createSavepoint" | "rollbackToSavepoint" | "releaseSavepoint"; name: string }
);

/** A failure as it crosses threads: the adapter's own error kind, or any other error's text. */
export type ThreadError =
  { adapterCause: Record<string, unknown> } | { name: string; message: string };

export type QueryReply = { id: number } & (
  { ok: true; result: unknown } | { ok: false; error: ThreadError }
);
