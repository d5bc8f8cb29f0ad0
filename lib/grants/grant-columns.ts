// A validated snapshot, column by column. The whole row is replaced by each newer snapshot, so a
// field Dodo no longer sends (an old error, a lifted revocation) becomes null here, not stale.
import type { GrantSnapshot } from "@/lib/grants/grant-schema";
import { resolveIntegrationType } from "@/lib/grants/integration-type";
import { snapshotOrderKey } from "@/lib/grants/merge-rule";

type SnapshotSource = "webhook" | "api";

const toDate = (value: string | null | undefined) => (value ? new Date(value) : null);

export function grantColumns(
  grant: GrantSnapshot,
  rawSnapshot: string,
  snapshot: { timestampUs: bigint; source: SnapshotSource; eventId: string | null },
) {
  const integration = resolveIntegrationType(grant);
  const updatedAt = new Date(grant.updated_at);
  const key = grant.license_key ?? null;
  const delivery = grant.digital_product_delivery ?? null;
  return {
    businessId: grant.business_id,
    brandId: grant.brand_id ?? null,
    customerId: grant.customer_id,
    entitlementId: grant.entitlement_id,
    integrationType: integration.type,
    integrationTypeInferred: integration.inferred,
    status: grant.status,
    metadata: grant.metadata ?? null,
    createdAt: new Date(grant.created_at),
    updatedAt,
    deliveredAt: toDate(grant.delivered_at),
    revokedAt: toDate(grant.revoked_at),
    revocationReason: grant.revocation_reason ?? null,
    errorCode: grant.error_code ?? null,
    errorMessage: grant.error_message ?? null,
    oauthUrl: grant.oauth_url ?? null,
    oauthExpiresAt: toDate(grant.oauth_expires_at),
    paymentId: grant.payment_id ?? null,
    subscriptionId: grant.subscription_id ?? null,
    licenseKeyId: key?.id ?? null,
    licenseKey: key?.key ?? null,
    licenseKeyLast4: key ? key.key.slice(-4) : null,
    licenseKeyStatus: key?.status ?? null,
    licenseKeyActivationsUsed: key?.activations_used ?? null,
    licenseKeyActivationsLimit: key?.activations_limit ?? null,
    licenseKeyExpiresAt: toDate(key?.expires_at),
    deliveryFiles: delivery?.files ?? null,
    deliveryInstructions: delivery?.instructions ?? null,
    deliveryExternalUrl: delivery?.external_url ?? null,
    featureId: grant.feature?.feature_id ?? null,
    featureType: grant.feature?.feature_type ?? null,
    rawSnapshot,
    snapshotTimestampUs: snapshot.timestampUs,
    snapshotOrder: snapshotOrderKey({
      updatedAt,
      timestampUs: snapshot.timestampUs,
      status: grant.status,
    }),
    snapshotSource: snapshot.source,
    snapshotEventId: snapshot.eventId,
  };
}
