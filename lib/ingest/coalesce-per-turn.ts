// The one batching rule of ingestion: what is queued in one turn of the event loop is handed on
// together, in order. Used for the messages between the server's thread and the worker (each
// message costs both threads a fixed overhead) and by the stores' group commit (each transaction
// costs a commit, each statement a round trip). Nothing waits on a timer: the batch leaves with
// setImmediate, after the I/O callbacks of the current turn, so a lone item leaves at once and
// only items already in flight are grouped.

/**
 * Returns `enqueue`: items enqueued in one turn reach `flush` as one array on the next check
 * phase. A turn with more than `maxBatch` items is split, the rest flushed one turn later each.
 */
export function coalescePerTurn<T>(
  flush: (items: T[]) => void,
  maxBatch = Number.POSITIVE_INFINITY,
): (item: T) => void {
  let queue: T[] = [];
  const run = () => {
    let items: T[];
    if (queue.length <= maxBatch) {
      items = queue;
      queue = [];
    } else {
      items = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      setImmediate(run);
    }
    flush(items);
  };
  return (item) => {
    queue.push(item);
    if (queue.length === 1) setImmediate(run);
  };
}
