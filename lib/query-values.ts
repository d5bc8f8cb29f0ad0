// The values a URL may carry, checked before they reach a query. PostgreSQL refuses NUL in a
// string, a date Prisma cannot represent is a validation error, and an instant outside what both
// databases store is refused by one of them: each of those was a 500, so none gets through.
import { z } from "zod";

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/** Free text of a filter or search: trimmed, bounded, printable; empty means absent. */
export const queryText = z
  .string()
  .trim()
  .max(200, "at most 200 characters")
  .refine((value) => !hasControlCharacters(value), "must not contain control characters")
  .optional()
  .transform((value) => value || undefined);

/** An id as it appears in a path or a cursor (Dodo's ids and webhook-ids have no fixed form). */
export const identifier = z
  .string()
  .min(1, "must not be empty")
  .max(1000, "at most 1000 characters")
  .refine((value) => !hasControlCharacters(value), "must not contain control characters");

// Four-digit years from 1000: every such day and instant is a valid Date, and both SQLite and
// PostgreSQL store it (PostgreSQL has no year 0).
const DAY = /^[1-9]\d{3}-\d{2}-\d{2}$/;

/** A calendar day, YYYY-MM-DD, that exists (not 2024-02-30). */
export const calendarDay = z.string().refine((value) => {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(`${value}T`);
}, "must be a date, YYYY-MM-DD");

const INSTANT = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** An ISO 8601 instant with its time zone, e.g. 2026-03-01T10:00:00Z. */
export const isoInstant = z
  .string()
  .refine((value) => {
    if (!INSTANT.test(value)) return false;
    const ms = Date.parse(value);
    return !Number.isNaN(ms) && ms <= LATEST;
  }, "must be an ISO 8601 time with a time zone, e.g. 2026-03-01T10:00:00Z")
  .transform((value) => new Date(value));
