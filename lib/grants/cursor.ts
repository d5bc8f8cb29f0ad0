// Keyset pagination cursors: the sort value and the id of the row at the page's edge. `id` is
// the unique tie-breaker, so rows with equal timestamps are neither skipped nor repeated.

export type Cursor = { at: Date; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at.getTime(), cursor.id])).toString("base64url");
}

/** The cursor, or null when it is not one of ours (a stale or edited link restarts the list). */
export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (!Array.isArray(decoded) || decoded.length !== 2) return null;
    const [ms, id] = decoded;
    if (typeof ms !== "number" || !Number.isFinite(ms) || typeof id !== "string") return null;
    return { at: new Date(ms), id };
  } catch {
    return null;
  }
}
