// Group commit: deliveries that reach the store in the same turn of the event loop are written by
// one transaction, so they share one commit (on SQLite one WAL fsync, which blocks the event loop
// because better-sqlite3 is synchronous; on PostgreSQL one multi-row statement: one round trip,
// one backend wake-up, one transaction). The turn rule is coalescePerTurn's; this adds the
// promises: each caller's settles after the commit that holds its delivery, with its own result
// or its own error.
import { coalescePerTurn } from "../coalesce-per-turn";
import type { Settled } from "./store-request";

/** A batch larger than this is split: one transaction must not hold the event loop for long. */
const MAX_BATCH = 64;

type Waiting<Req, Res> = {
  request: Req;
  resolve: (value: Res) => void;
  reject: (error: unknown) => void;
};

/**
 * Writes a batch in one transaction and returns one settled result per request, or throws (or
 * rejects) when the batch as a whole failed. Synchronous on SQLite, asynchronous on PostgreSQL.
 */
export type CommitBatch<Req, Res> = (requests: Req[]) => Settled<Res>[] | Promise<Settled<Res>[]>;

/**
 * Wraps `commitBatch` into a one-request-at-a-time function. A synchronous commitBatch is called
 * and settled exactly as before (within the flush); an asynchronous one may still be running when
 * the next batch is flushed: batches are not serialised (on PostgreSQL each takes its own pooled
 * connection, and one slow batch must not hold up the next).
 */
export function groupCommit<Req, Res>(
  commitBatch: CommitBatch<Req, Res>,
): (request: Req) => Promise<Res> {
  const enqueue = coalescePerTurn<Waiting<Req, Res>>((batch) => {
    const failAll = (error: unknown) => {
      for (const waiting of batch) waiting.reject(error);
    };
    let results: Settled<Res>[] | Promise<Settled<Res>[]>;
    try {
      results = commitBatch(batch.map((w) => w.request));
    } catch (error) {
      failAll(error);
      return;
    }
    if (results instanceof Promise) results.then((settled) => settle(batch, settled), failAll);
    else settle(batch, results);
  }, MAX_BATCH);

  return (request) => new Promise<Res>((resolve, reject) => enqueue({ request, resolve, reject }));
}

function settle<Req, Res>(batch: Waiting<Req, Res>[], results: Settled<Res>[]) {
  batch.forEach((waiting, i) => {
    const result = results[i];
    // A commitBatch that answers fewer requests than it was given is a bug; never leave a caller hanging.
    if (!result)
      waiting.reject(new Error(`group commit: no result for request ${i} of ${batch.length}`));
    else if (result.ok) waiting.resolve(result.value);
    else waiting.reject(result.error);
  });
}
