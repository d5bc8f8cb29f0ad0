// A part of a sync that may fail without failing the grant sync (the catalog, the customers, the
// subscriptions): its failure becomes a note on the run, so the run says why a name is missing.
// A run taken over by another still stops at once: that is not a failure of the part.
import { dodoErrorMessage } from "./errors";
import { SyncTakenOverError } from "./sync-runs";

/** Runs one optional part; resolves to null, or to a note saying what failed and why. */
export async function notedFailure(
  part: string,
  work: () => Promise<string | null | void>,
): Promise<string | null> {
  try {
    return (await work()) ?? null;
  } catch (error) {
    if (error instanceof SyncTakenOverError) throw error;
    const why = dodoErrorMessage(error) ?? `unexpected error: ${(error as Error).message}`;
    return `${part} not refreshed: ${why}`;
  }
}

/** The run's `error` text: the grant sync's own failure first, then each part's note. */
export function joinNotes(error: string | null, notes: (string | null)[]): string | null {
  const all = [error, ...notes].filter((note): note is string => Boolean(note));
  return all.length ? all.join(" ") : null;
}
