// Grants between their domain shape (lib/grants: camelCase, Dates) and the wire shape of /api/v1
// (Dodo's snake_case, ISO instants): one mapper per direction and shape, beside the schemas.
import { maskLicenseKey } from "@/lib/format";
import type { GrantDetail } from "@/lib/grants/queries/grant-detail";
import type { GrantListItem } from "@/lib/grants/queries/list-grants";
import type { GrantJson, GrantListItemJson } from "./v1-schemas";

const iso = (value: Date | null) => (value ? value.toISOString() : null);
const date = (value: string | null) => (value ? new Date(value) : null);

export function toGrantListItemJson(row: GrantListItem): GrantListItemJson {
  return {
    id: row.id,
    status: row.status,
    integration_type: row.integrationType,
    business_id: row.businessId,
    customer_id: row.customerId,
    customer_email: row.customerEmail,
    customer_name: row.customerName,
    entitlement_id: row.entitlementId,
    entitlement_name: row.entitlementName,
    subscription_id: row.subscriptionId,
    payment_id: row.paymentId,
    revocation_reason: row.revocationReason,
    error_code: row.errorCode,
    license_key_masked: maskLicenseKey(row.licenseKeyLast4),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function toGrantJson(grant: GrantDetail): GrantJson {
  const key = grant.licenseKey;
  const delivery = grant.digitalDelivery;
  return {
    id: grant.id,
    business_id: grant.businessId,
    brand_id: grant.brandId,
    customer_id: grant.customerId,
    customer_email: grant.customerEmail,
    customer_name: grant.customerName,
    entitlement_id: grant.entitlementId,
    entitlement_name: grant.entitlementName,
    integration_type: grant.integrationType,
    integration_type_inferred: grant.integrationTypeInferred,
    status: grant.status,
    metadata: grant.metadata,
    created_at: grant.createdAt.toISOString(),
    updated_at: grant.updatedAt.toISOString(),
    delivered_at: iso(grant.deliveredAt),
    revoked_at: iso(grant.revokedAt),
    revocation_reason: grant.revocationReason,
    error_code: grant.errorCode,
    error_message: grant.errorMessage,
    oauth_url: grant.oauthUrl,
    oauth_expires_at: iso(grant.oauthExpiresAt),
    payment_id: grant.paymentId,
    subscription_id: grant.subscriptionId,
    license_key: key && {
      id: key.id,
      key_last4: key.last4,
      status: key.status,
      activations_used: key.activationsUsed,
      activations_limit: key.activationsLimit,
      expires_at: iso(key.expiresAt),
      ...(key.key === undefined ? {} : { key: key.key }),
    },
    digital_product_delivery: delivery && {
      files: delivery.files,
      instructions: delivery.instructions,
      external_url: delivery.externalUrl,
    },
    feature: grant.feature && { feature_id: grant.feature.id, feature_type: grant.feature.type },
    snapshot_source: grant.snapshotSource,
    events: grant.deliveries.map((event) => ({
      webhook_id: event.webhookId,
      type: event.type,
      timestamp: iso(event.timestamp),
      updated_at: iso(event.dataUpdatedAt),
      received_at: event.receivedAt.toISOString(),
      outcome: event.outcome,
      source: event.source,
      body_removed_at: iso(event.bodyRemovedAt),
    })),
  };
}

/** The API's grant back in its domain shape, for the browser's live refresh of the grant page. */
export function fromGrantJson(json: GrantJson): GrantDetail {
  const key = json.license_key;
  const delivery = json.digital_product_delivery;
  return {
    id: json.id,
    businessId: json.business_id,
    brandId: json.brand_id,
    customerId: json.customer_id,
    customerName: json.customer_name,
    customerEmail: json.customer_email,
    entitlementId: json.entitlement_id,
    entitlementName: json.entitlement_name,
    integrationType: json.integration_type,
    integrationTypeInferred: json.integration_type_inferred,
    status: json.status,
    metadata: json.metadata,
    createdAt: new Date(json.created_at),
    updatedAt: new Date(json.updated_at),
    deliveredAt: date(json.delivered_at),
    revokedAt: date(json.revoked_at),
    revocationReason: json.revocation_reason,
    errorCode: json.error_code,
    errorMessage: json.error_message,
    oauthUrl: json.oauth_url,
    oauthExpiresAt: date(json.oauth_expires_at),
    paymentId: json.payment_id,
    subscriptionId: json.subscription_id,
    licenseKey: key && {
      id: key.id,
      last4: key.key_last4,
      status: key.status,
      activationsUsed: key.activations_used,
      activationsLimit: key.activations_limit,
      expiresAt: date(key.expires_at),
      ...(key.key === undefined ? {} : { key: key.key }),
    },
    digitalDelivery: delivery && {
      files: delivery.files,
      instructions: delivery.instructions,
      externalUrl: delivery.external_url,
    },
    feature: json.feature && { id: json.feature.feature_id, type: json.feature.feature_type },
    snapshotSource: json.snapshot_source,
    deliveries: json.events.map((event) => ({
      webhookId: event.webhook_id,
      type: event.type,
      timestamp: date(event.timestamp),
      dataUpdatedAt: date(event.updated_at),
      receivedAt: new Date(event.received_at),
      outcome: event.outcome,
      source: event.source,
      bodyRemovedAt: date(event.body_removed_at),
    })),
  };
}
