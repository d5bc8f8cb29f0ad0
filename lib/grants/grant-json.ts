import type { GrantListRow } from "./list-grants";
import { maskLicenseKey } from "@/lib/format";

/** A list row in Dodo's field names, for GET /api/v1/grants. */
export function grantListItemJson(row: GrantListRow) {
  return {
    id: row.id,
    status: row.status,
    integration_type: row.integrationType,
    business_id: row.businessId,
    customer_id: row.customerId,
    entitlement_id: row.entitlementId,
    subscription_id: row.subscriptionId,
    payment_id: row.paymentId,
    revocation_reason: row.revocationReason,
    error_code: row.errorCode,
    license_key_masked: maskLicenseKey(row.licenseKeyLast4),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
