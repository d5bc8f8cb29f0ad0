// Counting timestamps per UTC day in JavaScript: portable across SQLite and PostgreSQL, whose
// date functions differ, and cheap at the dashboard's volumes (one indexed range read per series).

const DAY_MS = 86_400_000;

export const dayKey = (date: Date) => date.toISOString().slice(0, 10);

/** The last `days` UTC days ending today, oldest first. */
export function lastDays(days: number, now = new Date()): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) => dayKey(new Date(today - (days - 1 - i) * DAY_MS)));
}

export function startOfWindow(days: number, now = new Date()): Date {
  return new Date(`${lastDays(days, now)[0]}T00:00:00Z`);
}

export function countPerDay(dates: Date[], days: string[]): number[] {
  const index = new Map(days.map((day, i) => [day, i]));
  const counts = new Array<number>(days.length).fill(0);
  for (const date of dates) {
    const i = index.get(dayKey(date));
    if (i !== undefined) counts[i]! += 1;
  }
  return counts;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
