import "server-only";
import { getDb } from "@/lib/db";
import type { GrantFilter } from "./grant-filters";
import { grantWhere } from "./grant-where";

/** Grants matching the filter that changed here after `since` (local change time, not Dodo's). */
export async function countChangedSince(filter: GrantFilter, since: Date): Promise<number> {
  const db = await getDb();
  return db.grant.count({ where: { AND: [grantWhere(filter), { lastChangedAt: { gt: since } }] } });
}
