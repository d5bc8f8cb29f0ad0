// Keyset pagination cursors: the sort value and the id of the row at the page's edge. `id` is
// the unique tie-breaker, so rows with equal timestamps are neither skipped nor repeated.
import { z } from "zod";
import { identifier } from "@/lib/query-values";

export type Cursor = { at: Date; id: string };

/** The range of a JS Date: a number beyond it makes an Invalid Date, which no query accepts. */
const MAX_DATE_MS = 8.64e15;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at.getTime(), cursor.id])).toString("base64url");
}

/** The cursor, or null when it is not one of ours (forged, truncated or from another version). */
export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value || value.length > 2000) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) return null;
  const [ms, id] = decoded as unknown[];
  if (!Number.isSafeInteger(ms) || Math.abs(ms as number) > MAX_DATE_MS) return null;
  if (!identifier.safeParse(id).success) return null;
  return { at: new Date(ms as number), id: id as string };
}

/** A cursor query parameter (`after`, `before`): one this app wrote, or refused. */
export const cursorParam = z
  .string()
  .refine((value) => decodeCursor(value) !== null, "not a cursor from this list")
  .optional();
