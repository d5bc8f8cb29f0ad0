// `npm run events:prune -- --vacuum`: give the space of removed bodies back to the disk. Only
// on request: SQLite's VACUUM rewrites the whole file (needing as much free disk again) and holds
// the write lock throughout, so webhooks wait (and past 5 s are answered 503, then redelivered).
import type { Driver } from "@/lib/db-driver";

export async function returnFreeSpace(driver: Driver): Promise<string> {
  if (driver.provider === "postgresql") {
    // Plain VACUUM takes no exclusive lock; it makes the space reusable but does not shrink files.
    await driver.pool.query(`VACUUM (ANALYZE) "WebhookEvent"`);
    return 'VACUUM "WebhookEvent" done: the space is reusable. Only VACUUM FULL (exclusive lock) would shrink the files.';
  }
  const pageSize = Number(driver.sqlite.pragma("page_size", { simple: true }));
  const before = Number(driver.sqlite.pragma("page_count", { simple: true })) * pageSize;
  driver.sqlite.exec("VACUUM");
  const after = Number(driver.sqlite.pragma("page_count", { simple: true })) * pageSize;
  return `VACUUM done: the database went from ${(before / 1024 ** 2).toFixed(1)} MB to ${(after / 1024 ** 2).toFixed(1)} MB.`;
}
