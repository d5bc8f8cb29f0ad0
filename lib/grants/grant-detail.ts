// One grant in Dodo's own field names, plus the deliveries received for it in the order they
// arrived. Shared by GET /api/v1/grants/{id} and the grant page. The license key is never in it:
// the page polls this every 10 s, so it carries the key's last 4 characters and what is known of
// it; the key itself only comes from revealLicenseKey, which writes each reveal to the audit log.
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { readSearchParams, type SearchParamsLike } from "@/lib/search-params";
import { maskKeyInJson } from "./redact";
import { revealLicenseKey } from "./reveal-license-key";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export async function getGrantWithEvents(viewer: Viewer, id: string) {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const [grant, events] = await Promise.all([
    db.grant.findUnique({ where: { id }, omit: { rawSnapshot: true } }),
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
        bodyPrunedAt: true,
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
    metadata: maskKeyInJson(grant.metadata ?? null, grant.licenseKey),
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
      grant.licenseKeyLast4 === null
        ? null
        : {
            id: grant.licenseKeyId,
            key_last4: grant.licenseKeyLast4,
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
      // Set once retention removed the raw body (GRANTDESK_KEEP_RAW_BODIES_DAYS); null while kept.
      body_removed_at: iso(event.bodyPrunedAt),
    })),
  };
}

export type GrantWithEvents = NonNullable<Awaited<ReturnType<typeof getGrantWithEvents>>>;

const INCLUDABLE = ["license_key"] as const;

const grantDetailQuerySchema = z.object({
  include: z
    .string()
    .transform((value) => value.split(","))
    .pipe(z.array(z.enum(INCLUDABLE, { error: `may only be ${INCLUDABLE.join(", ")}` })))
    .optional(),
});

/** `?include=license_key`: what an API client asks for beyond the default answer. */
export function readGrantDetailQuery(params: SearchParamsLike) {
  const { value, problems } = readSearchParams(grantDetailQuerySchema, params);
  return { includeLicenseKey: value.include?.includes("license_key") ?? false, problems };
}

/** The grant, with its full license key when asked for explicitly (and audited as a reveal). */
export async function getGrantDetail(
  viewer: Viewer,
  id: string,
  options: { includeLicenseKey: boolean },
) {
  const grant = await getGrantWithEvents(viewer, id);
  if (!grant?.license_key || !options.includeLicenseKey) return grant;
  const key = await revealLicenseKey(viewer, id, "include");
  return typeof key === "string" ? { ...grant, license_key: { ...grant.license_key, key } } : grant;
}
