// The entitlement catalog: names, descriptions, integration types and targets, copied from Dodo's
// API into Entitlement. A sync upserts every entitlement it lists anyway for the grants (no extra
// call), then retrieves the few that grants name but Dodo's list did not hold (created since, or
// known only from a webhook). `refreshEntitlement` does one on demand.
import "server-only";
import DodoPayments from "dodopayments";
import type { Entitlement as DodoEntitlement } from "dodopayments/resources/entitlements/entitlements";
import { assertCan, type Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { dodoClient } from "./client";
import { askDodoToRefresh } from "./refresh-error";
import { BACKGROUND, INTERACTIVE, withRetries, type RetryPolicy } from "./retry";
import { unknownIdsNamedByGrants } from "./unknown-ids";

/** Entitlements retrieved one by one per run: a few; a merchant's catalog is listed, not fetched. */
export const UNKNOWN_ENTITLEMENTS_PER_RUN = 50;

function parseDate(value: string | null | undefined): Date | null {
  const time = value ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? null : new Date(time);
}

function entitlementRow(entitlement: DodoEntitlement, syncedAt: Date) {
  return {
    businessId: entitlement.business_id ?? null,
    name: entitlement.name,
    description: entitlement.description ?? null,
    // As sent: an integration Dodo adds later is stored, not refused.
    integrationType: String(entitlement.integration_type),
    isActive: entitlement.is_active !== false,
    integrationConfig: JSON.stringify(entitlement.integration_config ?? {}),
    createdAt: parseDate(entitlement.created_at),
    updatedAt: parseDate(entitlement.updated_at),
    syncedAt,
  };
}

/** Writes entitlements as Dodo answered them: what Dodo says now is the catalog. */
export async function upsertEntitlements(
  entitlements: DodoEntitlement[],
  syncedAt = new Date(),
): Promise<void> {
  const db = await getDb();
  for (const entitlement of entitlements) {
    const row = entitlementRow(entitlement, syncedAt);
    await db.entitlement.upsert({
      where: { id: entitlement.id },
      create: { id: entitlement.id, ...row },
      update: row,
    });
  }
}

async function retrieveEntitlement(
  client: DodoPayments,
  id: string,
  policy: RetryPolicy,
): Promise<DodoEntitlement> {
  return withRetries(policy, () => client.entitlements.retrieve(id));
}

/**
 * Dodo answers 404 for an entitlement it deleted (its list and retrieve omit soft-deleted ones).
 * Recorded as inactive under its id, with the integration its grants name, so it is not asked
 * for again on every run; a later listing of it overwrites this.
 */
async function recordDeletedEntitlement(id: string, syncedAt: Date): Promise<void> {
  const db = await getDb();
  const grant = await db.grant.findFirst({
    where: { entitlementId: id },
    select: { businessId: true, integrationType: true },
  });
  const row = {
    businessId: grant?.businessId ?? null,
    name: id,
    integrationType: grant?.integrationType ?? "unknown",
    isActive: false,
    integrationConfig: "{}",
    syncedAt,
  };
  await db.entitlement.upsert({ where: { id }, create: { id, ...row }, update: {} });
}

/**
 * Entitlements grants name that the catalog still lacks after the listed ones were written,
 * retrieved one by one (bounded). A failure other than 404 stops here and reaches the run.
 */
export async function fillUnknownEntitlements(
  client: DodoPayments,
  beat: () => Promise<void>,
): Promise<{ retrieved: number; deleted: number }> {
  const db = await getDb();
  const unknown = await unknownIdsNamedByGrants(db, "entitlement", UNKNOWN_ENTITLEMENTS_PER_RUN);
  let deleted = 0;
  for (const id of unknown) {
    try {
      await upsertEntitlements([await retrieveEntitlement(client, id, BACKGROUND)]);
    } catch (error) {
      if (!(error instanceof DodoPayments.NotFoundError)) throw error;
      await recordDeletedEntitlement(id, new Date());
      deleted++;
    }
    await beat();
  }
  return { retrieved: unknown.length - deleted, deleted };
}

/**
 * "Refresh from Dodo" on an entitlement: its catalog entry as Dodo has it now. Dodo's refusal
 * (404 for a deleted one, an outage) throws DodoRefreshError with what to tell the person.
 */
export async function refreshEntitlement(viewer: Viewer, entitlementId: string) {
  assertCan(viewer, "grants:refresh");
  const entitlement = await askDodoToRefresh(() =>
    retrieveEntitlement(dodoClient(), entitlementId, INTERACTIVE),
  );
  await upsertEntitlements([entitlement]);
  const db = await getDb();
  return db.entitlement.findUniqueOrThrow({ where: { id: entitlementId } });
}
