// A grant as Dodo's API lists it, applied exactly like a webhook: through the same parser, the
// same merge rule and the same store, as an event with source "api" in the grant's history.
// Its id is derived from the snapshot (grant, updated_at, status), so listing the same state
// twice is a duplicate, not a second event.
import type { EntitlementGrant } from "dodopayments/resources/entitlements/grants";
import { getDb, getDriver } from "../db";
import { parseDelivery } from "../ingest/parse";
import { storeDelivery } from "../ingest/store";

export const API_SNAPSHOT_TYPE = "entitlement_grant.synced";

export type SnapshotOutcome = "new" | "updated" | "unchanged" | "older" | "invalid";
export type AppliedSnapshot = {
  grantId: string;
  outcome: SnapshotOutcome;
  statusBefore: string | null;
  statusAfter: string;
};

export function apiSnapshotId(
  grant: Pick<EntitlementGrant, "id" | "updated_at" | "status">,
): string {
  return `api_${grant.id}_${Date.parse(grant.updated_at) || grant.updated_at}_${grant.status}`;
}

export async function applyApiSnapshot(
  grant: EntitlementGrant,
  fetchedAt = new Date(),
): Promise<AppliedSnapshot> {
  const db = await getDb();
  const before = await db.grant.findUnique({
    where: { id: grant.id },
    select: { status: true, updatedAt: true },
  });
  const result = (outcome: SnapshotOutcome): AppliedSnapshot => ({
    grantId: grant.id,
    outcome,
    statusBefore: before?.status ?? null,
    statusAfter: grant.status,
  });
  // Same state as a webhook already brought: nothing to record (Dodo bumps updated_at on every change).
  if (
    before &&
    before.updatedAt.getTime() === Date.parse(grant.updated_at) &&
    before.status === grant.status
  )
    return result("unchanged");

  // The fetch time as envelope timestamp: on an updated_at tie, what Dodo lists now is the truth.
  const body = JSON.stringify({
    business_id: grant.business_id,
    type: API_SNAPSHOT_TYPE,
    timestamp: fetchedAt.toISOString(),
    data: { payload_type: "EntitlementGrant", ...grant },
  });
  const parsed = parseDelivery(body);
  const stored = await storeDelivery(getDriver(), {
    webhookId: apiSnapshotId(grant),
    body,
    parsed,
    source: "api",
  });
  if (parsed.kind !== "grant") return result("invalid");
  if (stored.outcome === "applied") return result(before ? "updated" : "new");
  return result(stored.outcome === "duplicate" ? "unchanged" : "older");
}
