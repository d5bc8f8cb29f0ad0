import "server-only";
import { getDb } from "@/lib/db";
import type { GrantFilter } from "./grant-filters";
import { grantWhere } from "./grant-where";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

/** Grants matching the filter that changed here after `since` (local change time, not Dodo's). */
export async function countChangedSince(
  viewer: Viewer,
  filter: GrantFilter,
  since: Date,
): Promise<number> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  return db.grant.count({ where: { AND: [grantWhere(filter), { lastChangedAt: { gt: since } }] } });
}
