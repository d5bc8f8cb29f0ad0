// Counts under filters that no summary covers stop at a cap, as large products' counts do: an
// exact count of a million matching rows reads a million rows on every render.

/** Beyond this a count says "10,000+" instead of reading further. */
export const COUNT_CAP = 10_000;

/** The rows a capped count reads at most: one past the cap tells "more" from "exactly the cap". */
export const COUNT_LIMIT = COUNT_CAP + 1;

export const isCapped = (count: number) => count > COUNT_CAP;

/** "1,234", or "10,000+" for a capped count. */
export function formatCount(count: number): string {
  return isCapped(count) ? `${COUNT_CAP.toLocaleString("en-US")}+` : count.toLocaleString("en-US");
}
