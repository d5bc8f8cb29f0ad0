import type { GrantSnapshot } from "@/lib/grants/grant-schema";

/**
 * integration_type is optional in Dodo's payload. When it is missing, the nested objects tell:
 * a license_key object means a license key, a digital_product_delivery means files, a feature
 * means a feature flag; otherwise "unknown".
 */
export function resolveIntegrationType(grant: GrantSnapshot): { type: string; inferred: boolean } {
  if (grant.integration_type) return { type: grant.integration_type, inferred: false };
  if (grant.license_key) return { type: "license_key", inferred: true };
  if (grant.digital_product_delivery) return { type: "digital_files", inferred: true };
  if (grant.feature) return { type: "feature_flag", inferred: true };
  return { type: "unknown", inferred: true };
}
