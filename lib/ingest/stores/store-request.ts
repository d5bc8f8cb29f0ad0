// What a store is asked to write and what it answers, whatever the database. A delivery is one
// event row and, for grant events, one grant row (for other events, the customer and subscription
// rows they name, applied by the same merge-rule upserts); the store writes both in one transaction, the
// grant only if its snapshotOrder is greater than the stored one (the merge rule, applied by the
// database in an atomic conditional upsert, see sql.ts), and reports what happened.

export type Row = Record<string, unknown>;

export type StoreRequest = {
  /** The WebhookEvent row; its `outcome` is filled in by the store for grant events. */
  event: Row & { id: string };
  /** The Grant row (every column), for grant events. */
  grant: (Row & { id: string; snapshotOrder: string }) | null;
  /** The Customer and Subscription rows a non-grant event names (payment.*, subscription.*, …). */
  customer?: (Row & { id: string }) | null;
  subscription?: (Row & { id: string; snapshotOrder: string }) | null;
  /** Reprocessing: the stored invalid row with this id is replaced, in the same transaction. */
  replacesInvalid?: boolean;
};

/** One request's result in a batch: its value, or the error that failed it alone. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A promise's outcome as a Settled, never rejecting. */
export const settled = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value): Settled<T> => ({ ok: true, value }),
    (error: unknown): Settled<T> => ({ ok: false, error }),
  );

export type StoreResult =
  | { outcome: "applied" | "stale" | "duplicate" }
  | { outcome: "as_given" }
  | { alreadyRecorded: true };

/** Not written: stale if the stored snapshot sorts after ours, duplicate if it is the same. */
export function notWrittenOutcome(
  stored: string | null | undefined,
  incoming: string,
): "stale" | "duplicate" {
  return stored === incoming ? "duplicate" : "stale";
}
