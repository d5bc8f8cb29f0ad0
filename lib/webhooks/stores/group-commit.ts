// Group commit: deliveries that reach the store in the same turn of the event loop are written by
// one transaction, so they share one commit (on SQLite one WAL fsync, which blocks the event loop
// because better-sqlite3 is synchronous). Nothing waits on a timer: the batch is flushed with
// setImmediate, after the I/O callbacks of the current turn, so a lone delivery is written at
// once and only deliveries that are already in flight are grouped. Each caller's promise settles
// after the commit that holds its delivery, with its own result or its own error.
import type { Settled } from "./delivery-store";

/** A batch larger than this is split: one transaction must not hold the event loop for long. */
const MAX_BATCH = 64;

type Waiting<Req, Res> = { request: Req; resolve: (value: Res) => void; reject: (error: unknown) => void };

/**
 * Wraps `commitBatch` (which writes a batch in one transaction and returns one settled result per
 * request, or throws when the batch as a whole failed) into a one-request-at-a-time function.
 */
export function groupCommit<Req, Res>(commitBatch: (requests: Req[]) => Settled<Res>[]): (request: Req) => Promise<Res> {
  let queue: Waiting<Req, Res>[] = [];

  function flush() {
    const batch = queue.slice(0, MAX_BATCH);
    queue = queue.slice(MAX_BATCH);
    if (queue.length > 0) setImmediate(flush);
    let results: Settled<Res>[];
    try {
      results = commitBatch(batch.map((w) => w.request));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, i) => {
      const result = results[i]!;
      if (result.ok) waiting.resolve(result.value);
      else waiting.reject(result.error);
    });
  }

  return (request) =>
    new Promise<Res>((resolve, reject) => {
      queue.push({ request, resolve, reject });
      if (queue.length === 1) setImmediate(flush);
    });
}
