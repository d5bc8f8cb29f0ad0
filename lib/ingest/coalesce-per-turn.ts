// Messages between the server's thread and the ingestion worker are sent in batches: every
// message posted costs both threads a fixed overhead (serialising, waking the other loop,
// dispatching the event), so the items queued in one turn of the event loop travel as one
// message. Nothing waits on a timer: the batch leaves with setImmediate, after the I/O callbacks
// of the current turn (the same rule as the SQLite group commit).

export function batchedSender<T>(send: (items: T[]) => void): (item: T) => void {
  let queue: T[] = [];
  const flush = () => {
    const items = queue;
    queue = [];
    send(items);
  };
  return (item) => {
    queue.push(item);
    if (queue.length === 1) setImmediate(flush);
  };
}
