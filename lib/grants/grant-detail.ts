// One grant in Dodo's own field names, plus the deliveries received for it in the order they
// arrived. Shared by GET /api/v1/grants/{id} and the grant page.
import "server-only";
import { getDb } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export async function getGrantWithEvents(viewer: Viewer, id: string) {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const [grant, events] = await Promise.all([
    db.grant.findUnique({ where: { id } }),
    db.webhookEvent.findMany({
      where: { grantId: id },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        type: true,
        timestamp: true,
        dataUpdatedAt: true,
        receivedAt: true,
        outcome: true,
        source: true,
      },
    }),
  ]);
  if (!grant) return null;
  return {
    id: grant.id,
    business_id: grant.businessId,
    brand_id: grant.brandId,
    customer_id: grant.customerId,
    entitlement_id: grant.entitlementId,
    integration_type: grant.integrationType,
    integration_type_inferred: grant.integrationTypeInferred,
    status: grant.status,
    metadata: grant.metadata ?? null,
    created_at: iso(grant.createdAt),
    updated_at: iso(grant.updatedAt),
    delivered_at: iso(grant.deliveredAt),
    revoked_at: iso(grant.revokedAt),
    revocation_reason: grant.revocationReason,
    error_code: grant.errorCode,
    error_message: grant.errorMessage,
    oauth_url: grant.oauthUrl,
    oauth_expires_at: iso(grant.oauthExpiresAt),
    payment_id: grant.paymentId,
    subscription_id: grant.subscriptionId,
    license_key:
      grant.licenseKey === null
        ? null
        : {
            id: grant.licenseKeyId,
            key: grant.licenseKey,
            status: grant.licenseKeyStatus,
            activations_used: grant.licenseKeyActivationsUsed,
            activations_limit: grant.licenseKeyActivationsLimit,
            expires_at: iso(grant.licenseKeyExpiresAt),
          },
    digital_product_delivery:
      grant.deliveryFiles === null &&
      grant.deliveryInstructions === null &&
      grant.deliveryExternalUrl === null
        ? null
        : {
            files: grant.deliveryFiles ?? [],
            instructions: grant.deliveryInstructions,
            external_url: grant.deliveryExternalUrl,
          },
    feature:
      grant.featureId === null
        ? null
        : { feature_id: grant.featureId, feature_type: grant.featureType },
    snapshot_source: grant.snapshotSource,
    events: events.map((event) => ({
      webhook_id: event.id,
      type: event.type,
      timestamp: iso(event.timestamp),
      updated_at: iso(event.dataUpdatedAt),
      received_at: iso(event.receivedAt),
      outcome: event.outcome,
      source: event.source,
    })),
  };
}

export type GrantWithEvents = NonNullable<Awaited<ReturnType<typeof getGrantWithEvents>>>;
